// Server-sent events for the staff app's live views: polls `read` every `intervalMs` and sends
// its value as event `event` whenever it changed, until the client goes away.
export function eventStream(request: Request, event: string, intervalMs: number, read: () => unknown | Promise<unknown>): Response {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream({
    async start(controller) {
      let last = "";
      const send = async () => {
        const data = JSON.stringify(await read());
        if (data !== last) {
          last = data;
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${data}\n\n`));
        }
      };
      await send();
      timer = setInterval(() => void send().catch(() => clearInterval(timer)), intervalMs);
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
