"use client";
import { useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { ActionForm, type StaffFormAction } from "@/components/ui/action-form";

function Submit({ customers }: { customers: number }) {
  const { pending } = useFormStatus();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!pending) return;
    const started = Date.now();
    const t = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => {
      clearInterval(t);
      setSeconds(0);
    };
  }, [pending]);
  return (
    <>
      <button disabled={pending} className="rounded-md bg-emerald-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-900 disabled:opacity-60">
        {pending ? "Evaluating…" : "Start evaluation"}
      </button>
      {pending ? (
        <span role="status" className="flex items-center gap-2 text-sm text-slate-700" data-testid="eval-progress">
          <progress className="h-2 w-32" aria-label="Evaluation in progress" />
          Judging {customers.toLocaleString("en-US")} consenting customers… {seconds} s
        </span>
      ) : null}
    </>
  );
}

/** Starts an evaluation of the latest engine run; shows it is working until the result is in. */
export function StartEvalForm({ action, customers }: { action: StaffFormAction; customers: number }) {
  return (
    <ActionForm action={action} className="flex flex-wrap items-center gap-3">
      <Submit customers={customers} />
    </ActionForm>
  );
}
