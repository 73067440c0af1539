import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { RouteFocus } from "@/components/layout/route-focus";
import { SiteHeader } from "@/components/layout/site-header";

import "./globals.css";

import { Providers } from "./providers";

// Every page shows live facts from the service and the server's configuration: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Audience jobs · Clean Rooms ML", template: "%s · Clean Rooms ML" },
  description: "Start, watch and export AWS Clean Rooms ML lookalike audiences.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only rounded-md bg-white text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:px-3 focus:py-2 focus:outline-2 focus:outline-indigo-600"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-6xl px-4 py-6 outline-none sm:px-6 sm:py-8"
          >
            {children}
          </main>
          <RouteFocus />
        </Providers>
      </body>
    </html>
  );
}
