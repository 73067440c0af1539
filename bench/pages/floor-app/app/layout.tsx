// The floor app bench/pages measures the dashboard's paint against: what any
// page with the dashboard's security headers costs (bench/pages/index.ts,
// README "Page weight"). The same Next.js, a page rendered per request (the
// nonce), a TanStack Query provider and a Tailwind table; none of the
// dashboard's own code but its headers.
import type { ReactNode } from "react";

import "./globals.css";

import { Providers } from "./providers";

export const dynamic = "force-dynamic";

export const metadata = { title: "Floor app" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>
          <main className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
