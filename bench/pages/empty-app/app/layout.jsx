// The empty Next.js app the page benchmark measures the dashboard against:
// one static page, nothing of the dashboard's, built with the same Next.js.
export const metadata = { title: "Empty app" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
