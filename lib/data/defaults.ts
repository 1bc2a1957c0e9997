// The demo data set's defaults, in a module of their own so the CLI can show them in its help
// without loading the generator or the engine.
export const GENERATOR_DEFAULTS = { users: 100, seed: 42, asOf: "2026-10-31", months: 7 } as const;

/** The day engine runs end their windows on when none is given: the demo data's last day. */
export const DEFAULT_AS_OF = GENERATOR_DEFAULTS.asOf;

/**
 * The demo start (`npm start` on an empty database) injects a few labelled alert events so the
 * demo shows alerts and the evaluation can score them; the generator's own default stays 0 (its
 * output then is byte-identical to a generator without events).
 */
export const DEMO_EVENT_RATES = { anomalyRate: 0.1, fraudRate: 0.05 } as const;
