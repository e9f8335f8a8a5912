export type StatusChipProps = { status: string };

/** A campaign, approval or launch status with its semantic colour; the text carries the meaning. */
export function StatusChip({ status }: StatusChipProps) {
  return <span className={`chip chip-${status}`}>{status.replace(/_/g, " ")}</span>;
}
