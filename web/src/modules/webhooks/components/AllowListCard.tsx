import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { api, unwrap } from "../../../api/http";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { Field } from "../../../ui/Field";
import { useAllowList } from "../api";

/** The hosts and networks the company's webhooks may reach although they are not public. */
export function AllowListCard() {
  const queryClient = useQueryClient();
  const allowList = useAllowList();
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (allowList.data) setText(allowList.data.entries.join("\n"));
  }, [allowList.data]);

  const handleSave = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const entries = text
      .split(/\s+/)
      .map((entry) => entry.trim())
      .filter(Boolean);
    try {
      unwrap(await api.PUT("/api/webhooks/allow-list/", { body: { entries } }));
      toast.success("Allow-list saved.");
      await queryClient.invalidateQueries({ queryKey: ["webhooks", "allow-list"] });
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form className="card" aria-label="Allow-list" onSubmit={(e) => void handleSave(e)}>
      <h2>Private targets</h2>
      <ErrorNotice error={allowList.error ?? error} />
      <Field
        label="Allowed hosts and networks"
        hint="One per line: a host name, *.domain, an IP address or a CIDR. Webhooks may reach these although they are not public; cloud metadata addresses never."
      >
        {(p) => <textarea {...p} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit">Save allow-list</button>
      </div>
    </form>
  );
}
