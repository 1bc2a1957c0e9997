// GET /api/review/stream — server-sent events with the review queue's size, so open queues update without a reload.
import { routeAccess } from "@/lib/auth/guards";
import { apiDatabase } from "@/lib/api/database";

export const dynamic = "force-dynamic";

const INTERVAL_MS = 2000;

export async function GET(request: Request) {
  const { denied } = await routeAccess(request, "review:act");
  if (denied) return denied;
  const { db } = apiDatabase();
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream({
    async start(controller) {
      let last = -1;
      const send = async () => {
        const [pending, flagged] = await Promise.all([db.recommendation.count({ where: { status: "pending_review" } }), db.recommendation.count({ where: { status: "pending_review", flagged: true } })]);
        const key = pending * 1_000_003 + flagged;
        if (key !== last) {
          last = key;
          controller.enqueue(encoder.encode(`event: queue\ndata: ${JSON.stringify({ pending, flagged })}\n\n`));
        }
      };
      await send();
      timer = setInterval(() => void send().catch(() => clearInterval(timer)), INTERVAL_MS);
      request.signal.addEventListener("abort", () => {
        clearInterval(timer);
        controller.close();
      });
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" } });
}
