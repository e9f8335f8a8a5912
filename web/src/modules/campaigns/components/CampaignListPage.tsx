import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { StatusChip } from "../../../ui/StatusChip";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatDate, formatMoney } from "../../../ui/format";
import { useAuth } from "../../auth/useAuth";
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  CHANNELS,
  useCampaignList,
  type CampaignListQuery,
} from "../api";

const PAGE_SIZE = 20;
const SORTABLE = [
  ["created_at", "Created"],
  ["campaign_name", "Name"],
  ["start_date", "Start"],
  ["end_date", "End"],
  ["campaign_status", "Status"],
] as const;

/** The list's view lives in the URL: filters, search, sort and page can be bookmarked and shared. */
function queryFromParams(params: URLSearchParams): CampaignListQuery {
  const query: Record<string, string | number | string[]> = {
    page: Number(params.get("page") ?? 1),
    page_size: PAGE_SIZE,
  };
  for (const key of ["campaign_status", "campaign_type", "primary_channel"]) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) query[key] = values;
  }
  for (const key of [
    "search",
    "start_from",
    "start_to",
    "sort_by",
    "sort_order",
  ]) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query as CampaignListQuery;
}

export function CampaignListPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const { data, error, isFetching } = useCampaignList(query);
  const { can } = useAuth();
  const [search, setSearch] = useState(params.get("search") ?? "");

  const handleParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next);
  };

  useEffect(() => {
    const timer = window.setTimeout(() => {
      if ((params.get("search") ?? "") !== search) handleParam("search", search);
    }, 300);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const handleSort = (field: string) => {
    const next = new URLSearchParams(params);
    const sameField = (params.get("sort_by") ?? "created_at") === field;
    next.set("sort_by", field);
    next.set("sort_order", sameField && params.get("sort_order") !== "asc" ? "asc" : "desc");
    setParams(next);
  };
  const sortState = (field: string): "ascending" | "descending" | "none" => {
    if ((params.get("sort_by") ?? "created_at") !== field) return "none";
    return params.get("sort_order") === "asc" ? "ascending" : "descending";
  };

  const page = query.page ?? 1;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="campaigns-title">
      <div className="page-head">
        <h1 id="campaigns-title">Campaigns</h1>
        {can("create_campaign") && (
          <Link className="button" to="/campaigns/new">
            New campaign
          </Link>
        )}
      </div>
      <form className="filters" role="search" aria-label="Filter campaigns" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or code" />
        </label>
        <label>
          Status
          <select value={params.get("campaign_status") ?? ""} onChange={(e) => handleParam("campaign_status", e.target.value)}>
            <option value="">Any</option>
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={params.get("campaign_type") ?? ""} onChange={(e) => handleParam("campaign_type", e.target.value)}>
            <option value="">Any</option>
            {CAMPAIGN_TYPES.map((s) => (
              <option key={s} value={s}>
                {s.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Channel
          <select value={params.get("primary_channel") ?? ""} onChange={(e) => handleParam("primary_channel", e.target.value)}>
            <option value="">Any</option>
            {CHANNELS.map((s) => (
              <option key={s} value={s}>
                {s.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Starts from
          <input type="date" value={params.get("start_from") ?? ""} onChange={(e) => handleParam("start_from", e.target.value)} />
        </label>
        <label>
          Starts until
          <input type="date" value={params.get("start_to") ?? ""} onChange={(e) => handleParam("start_to", e.target.value)} />
        </label>
      </form>
      <ErrorNotice error={error} />
      <div className="table-wrap">
        <table aria-busy={isFetching} aria-describedby="campaigns-count">
          <caption id="campaigns-count">{data ? `${data.total} campaigns` : "Loading campaigns"}</caption>
          <thead>
            <tr>
              {SORTABLE.slice(0, 2).map(([field, label]) => (
                <th key={field} aria-sort={sortState(field)}>
                  <button type="button" className="sort" onClick={() => handleSort(field)}>
                    {label}
                  </button>
                </th>
              ))}
              <th>Channel</th>
              <th aria-sort={sortState("campaign_status")}>
                <button type="button" className="sort" onClick={() => handleSort("campaign_status")}>
                  Status
                </button>
              </th>
              <th>Approval</th>
              {SORTABLE.slice(2, 4).map(([field, label]) => (
                <th key={field} aria-sort={sortState(field)}>
                  <button type="button" className="sort" onClick={() => handleSort(field)}>
                    {label}
                  </button>
                </th>
              ))}
              <th>Budget</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((campaign) => (
              <tr key={campaign.id}>
                <td>{formatDate(campaign.created_at)}</td>
                <td>
                  <Link to={`/campaigns/${campaign.id}`}>{campaign.campaign_name}</Link>
                  <div className="muted">{campaign.campaign_code}</div>
                </td>
                <td>{campaign.primary_channel.replace(/_/g, " ")}</td>
                <td>
                  <StatusChip status={campaign.campaign_status} />
                </td>
                <td>
                  <StatusChip status={campaign.approval_status} />
                </td>
                <td>{formatDate(campaign.start_date)}</td>
                <td>{formatDate(campaign.end_date)}</td>
                <td>{formatMoney(campaign.total_budget, campaign.currency_code)}</td>
              </tr>
            ))}
            {data && data.items.length === 0 && (
              <tr>
                <td colSpan={8}>No campaign matches these filters.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={page <= 1} onClick={() => handleParam("page", String(page - 1))}>
          Previous
        </button>
        <span>
          Page {page} of {pages}
        </span>
        <button type="button" className="secondary" disabled={page >= pages} onClick={() => handleParam("page", String(page + 1))}>
          Next
        </button>
      </nav>
    </section>
  );
}
