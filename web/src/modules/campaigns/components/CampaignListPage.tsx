import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { StatusChip } from "../../../ui/StatusChip";
import { ErrorNotice } from "../../../ui/ErrorNotice";
import { formatDate, formatMoney, formatNumber } from "../../../ui/format";
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

const SORT_FIELDS = ["created_at", "updated_at", "start_date", "end_date", "campaign_name", "campaign_code", "campaign_status"];
const CHOICES: Record<string, readonly string[]> = {
  campaign_status: CAMPAIGN_STATUSES,
  campaign_type: CAMPAIGN_TYPES,
  primary_channel: CHANNELS,
};
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day of a date input (in local time) as the instant it starts, or its last millisecond: the
 * API's start_from / start_to are inclusive instants, so "starts until" a day takes all of it. */
function dayBound(day: string, end: boolean): string | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number);
  const instant = end ? new Date(year, month - 1, date, 23, 59, 59, 999) : new Date(year, month - 1, date);
  // 2026-02-31 and the like are not days.
  if (instant.getFullYear() !== year || instant.getMonth() !== month - 1 || instant.getDate() !== date) return undefined;
  return instant.toISOString();
}

/** Whether the list can use a value of the URL: a page is a whole number from 1, a status, type
 * or channel one the API knows, a day a real day, a sort a known one. */
function usable(key: string, value: string): boolean {
  if (key === "page") return /^[1-9]\d{0,5}$/.test(value);
  if (key in CHOICES) return CHOICES[key].includes(value);
  if (key === "start_from" || key === "start_to") return dayBound(value, false) !== undefined;
  if (key === "sort_by") return SORT_FIELDS.includes(value);
  if (key === "sort_order") return value === "asc" || value === "desc";
  if (key === "search") return value.length <= 200;
  return true;
}

/** The URL's view without what the list cannot use. */
function cleanParams(params: URLSearchParams): URLSearchParams {
  const clean = new URLSearchParams();
  for (const [key, value] of params) if (usable(key, value)) clean.append(key, value);
  return clean;
}

/** The list's view lives in the URL: filters, search, sort and page can be bookmarked and shared. */
function queryFromParams(params: URLSearchParams): CampaignListQuery {
  const query: Record<string, string | number | string[]> = {
    page: Number(params.get("page") ?? 1),
    page_size: PAGE_SIZE,
  };
  for (const key of Object.keys(CHOICES)) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) query[key] = values;
  }
  for (const key of ["search", "sort_by", "sort_order"]) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  const startFrom = dayBound(params.get("start_from") ?? "", false);
  const startTo = dayBound(params.get("start_to") ?? "", true);
  if (startFrom) query.start_from = startFrom;
  if (startTo) query.start_to = startTo;
  return query as CampaignListQuery;
}

export function CampaignListPage() {
  const [urlParams, setParams] = useSearchParams();
  const params = cleanParams(urlParams);
  const query = queryFromParams(params);
  const { data, error, isFetching, isPlaceholderData } = useCampaignList(query);
  const { can } = useAuth();
  const urlSearch = params.get("search") ?? "";
  const [search, setSearch] = useState(urlSearch);

  // What the list cannot use leaves the URL too, so the filters show what is applied.
  const url = urlParams.toString();
  useEffect(() => {
    if (params.toString() !== url) setParams(params, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);

  // Back and Forward change the URL: the search box follows it.
  useEffect(() => setSearch(urlSearch), [urlSearch]);

  const handleParam = (key: string, value: string) =>
    setParams((current) => {
      const next = cleanParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== "page") next.delete("page");
      return next;
    });

  // The router's setParams hands its updater the URL of the render it came from: the debounced
  // search, which fires later, goes through the latest one, so a filter chosen meanwhile stays.
  const latest = useRef({ params, handleParam });
  latest.current = { params, handleParam };

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const { params: current, handleParam: setParam } = latest.current;
      if ((current.get("search") ?? "") !== search) setParam("search", search);
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

  // A page past the last (a bookmark of a longer list) becomes the last page.
  useEffect(() => {
    if (!data || isPlaceholderData || page <= pages) return;
    const next = new URLSearchParams(params);
    if (pages > 1) next.set("page", String(pages));
    else next.delete("page");
    setParams(next, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, isPlaceholderData, page, pages]);

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
          <input type="search" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} placeholder="Name or code" />
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
          <caption id="campaigns-count">
            {data ? (data.total === 1 ? "1 campaign" : `${formatNumber(data.total)} campaigns`) : error ? "Campaigns could not be loaded" : "Loading campaigns"}
          </caption>
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
