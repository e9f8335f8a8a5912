import { describeError } from "../api/errors";

export type ErrorNoticeProps = { error: unknown };

export function ErrorNotice({ error }: ErrorNoticeProps) {
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      {describeError(error)}
    </div>
  );
}
