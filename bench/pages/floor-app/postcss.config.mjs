// Tailwind as the dashboard has it (its postcss.config.mjs).
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};

export default config;
