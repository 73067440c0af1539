import type { Config } from "tailwindcss";

// Loaded from app/globals.css with `@config`; Tailwind 4 finds the sources itself.
const config: Config = {
  theme: {
    extend: {
      fontFamily: {
        // system-ui is each platform's UI font (SF, Segoe UI, the desktop's own): naming the
        // platforms' fonts as well only adds lookups that miss, which delay first paint
        // (README, "Page weight").
        sans: ["system-ui", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
    },
  },
};

export default config;
