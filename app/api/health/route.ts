/** Liveness for process managers and the end-to-end runner; says nothing about the service. */
export function GET() {
  return Response.json({ ok: true });
}
