import { connection } from "next/server";

const STATUSES = ["Active", "Create pending", "Create failed", "Delete pending"] as const;

/** 25 rows of made-up jobs: the size of table the dashboard's first paint holds. */
const ROWS = Array.from({ length: 25 }, (_, i) => ({
  name: `Floor job ${String(i + 1).padStart(2, "0")}`,
  status: STATUSES[i % STATUSES.length]!,
  model: `Model ${(i % 3) + 1}`,
  created: `2026-01-${String(i + 1).padStart(2, "0")} 09:00`,
}));

export default async function Page() {
  // Rendered per request, as every page with a nonce is.
  await connection();
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">A floor Next.js app</h1>
      <p className="mt-1 text-sm text-slate-600">
        The yardstick of bench/pages for paint: our security headers, a query provider and a table.
      </p>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
            <tr>
              {["Name", "Status", "Model", "Created"].map((header) => (
                <th key={header} scope="col" className="px-4 py-2.5 font-medium">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ROWS.map((row) => (
              <tr key={row.name} className="hover:bg-slate-50">
                <td className="px-4 py-3 font-medium text-indigo-700">{row.name}</td>
                <td className="px-4 py-3">
                  <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                    {row.status}
                  </span>
                </td>
                <td className="px-4 py-3 text-slate-600">{row.model}</td>
                <td className="px-4 py-3 text-slate-600 tabular-nums">{row.created}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
