// The one logger (issue 14 §5): structured JSON lines (pino) on stdout (stderr in the CLI), one object per line, at
// the level LOG_LEVEL names (info by default; silent under vitest unless LOG_LEVEL is set).
// Every line logged while a request is being served carries its request id (request.ts).
// Nothing sensitive belongs in a log line: log what happened (route pattern, status, codes,
// counts), never request bodies, headers, customer ids, names or amounts. The redaction list is
// the safety net for a field logged by mistake.
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";
import { processSingleton } from "../db/process-singleton";

/** Field names whose values never reach a log line, at any of the first three levels of nesting. */
export const SENSITIVE_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "password_hash",
  "token",
  "secret",
  "key",
  "email",
  "user_id",
  "userId",
  "name",
  "amount",
  "amount_cents",
  "balances",
  // PostgreSQL errors name the offending values here: "Key (user_id)=(usr_00001) already exists".
  "detail",
] as const;

const at = (k: string) => (/^\w+$/.test(k) ? [k, `*.${k}`, `*.*.${k}`] : [`["${k}"]`, `*["${k}"]`, `*.*["${k}"]`]);
export const REDACT_PATHS = SENSITIVE_KEYS.flatMap(at);

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type Level = (typeof LEVELS)[number];

/** LOG_LEVEL when it names a level; otherwise info (silent in tests, which must not spam). */
export function logLevel(env: NodeJS.ProcessEnv = process.env): { level: Level; invalid?: string } {
  const wanted = env.LOG_LEVEL?.trim().toLowerCase();
  if (wanted && (LEVELS as readonly string[]).includes(wanted)) return { level: wanted as Level };
  const fallback: Level = env.VITEST ? "silent" : "info";
  return wanted ? { level: fallback, invalid: env.LOG_LEVEL } : { level: fallback };
}

/** What the current request has told the logger about itself (request.ts fills it in). */
export interface LogContext {
  request_id: string;
  /** The API key's prefix (never the key), when a key called. */
  key_prefix?: string;
  /** The staff member's role (never their email), when staff called. */
  role?: string;
  /** A metrics scrape authenticated by SPENDSENSE_METRICS_TOKEN. */
  auth?: "metrics_token";
}

export const logContext = processSingleton("log-context", () => new AsyncLocalStorage<LogContext>());

interface LogState {
  logger: Logger;
  write: (line: string) => void;
}

/** Where log lines go: stdout, unless the process chose otherwise before its first line (the CLI: stderr). */
export const LOG_STREAM = "log-stream";

const state = processSingleton<LogState>("logger", () => {
  const { level, invalid } = logLevel();
  const stream = processSingleton<NodeJS.WritableStream>(LOG_STREAM, () => process.stdout);
  const s: LogState = {
    write: (line) => void stream.write(line),
    logger: undefined as unknown as Logger,
  };
  s.logger = pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const c = logContext.getStore();
        return c ? { request_id: c.request_id } : {};
      },
    },
    { write: (line: string) => s.write(line) },
  );
  if (invalid !== undefined) s.logger.warn({ valid: LEVELS }, `LOG_LEVEL "${invalid.slice(0, 20)}" is not a level; logging at ${level}`);
  return s;
});

/** The process's logger. */
export const log: Logger = state.logger;

/**
 * Tests: collect the lines logged (parsed) at `level` until `stop()` (then the sink and level
 * are restored). The lines are the exact JSON the process would have written.
 */
export function captureLogs(level: Level = "info"): { lines: Array<Record<string, unknown>>; raw: string[]; stop: () => void } {
  const before = { write: state.write, level: state.logger.level };
  const raw: string[] = [];
  const lines: Array<Record<string, unknown>> = [];
  state.write = (line) => {
    raw.push(line);
    lines.push(JSON.parse(line) as Record<string, unknown>);
  };
  state.logger.level = level;
  return {
    lines,
    raw,
    stop() {
      state.write = before.write;
      state.logger.level = before.level;
    },
  };
}
