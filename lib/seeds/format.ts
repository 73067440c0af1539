/** A byte count in the units people read: "812 B", "14.2 MB" (powers of 1,024, as S3's console shows). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US")} ${units[unit]}`;
}
