export default function Page() {
  return (
    <main>
      <h1>An empty Next.js app</h1>
      <p>The yardstick of bench/pages: what the framework alone costs a page.</p>
    </main>
  );
}
