// GET /api/jobs/stream — server-sent events with the progress of engine runs started from the app.
import { routeAccess } from "@/lib/auth/guards";
import { recentJobs } from "@/lib/services/jobs";

export const dynamic = "force-dynamic";

const INTERVAL_MS = 500;

export async function GET(request: Request) {
  const { denied } = await routeAccess(request, "engine:run");
  if (denied) return denied;
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream({
    start(controller) {
      let last = "";
      const send = () => {
        const data = JSON.stringify(recentJobs());
        if (data !== last) {
          last = data;
          controller.enqueue(encoder.encode(`event: jobs\ndata: ${data}\n\n`));
        }
      };
      send();
      timer = setInterval(send, INTERVAL_MS);
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
