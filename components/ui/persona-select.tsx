// The persona filter both staff lists use: any, each persona by its label, or none matched.
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import { PERSONA_IDS } from "@/lib/engine/types";

export function PersonaSelect({ value, className }: { value: string | null | undefined; className: string }) {
  return (
    <select name="persona" defaultValue={value ?? ""} className={className}>
      <option value="">Any</option>
      {PERSONA_IDS.map((p) => (
        <option key={p} value={p}>
          {PERSONA_LABELS[p]}
        </option>
      ))}
      <option value="none">No persona</option>
    </select>
  );
}
