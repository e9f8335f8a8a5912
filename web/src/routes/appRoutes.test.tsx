import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { appRoutes } from "./appRoutes";

vi.mock("../App", () => ({
  App: () => {
    throw new RangeError("Invalid currency code : U$D");
  },
}));

describe("appRoutes", () => {
  it("shows the error screen with a way back when a page fails to render, never the router's page or a stack", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const router = createMemoryRouter(appRoutes, { initialEntries: ["/campaigns/new"] });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );

    expect(await screen.findByRole("heading", { name: "Something went wrong" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to campaigns" })).toHaveAttribute("href", "/campaigns");
    expect(screen.queryByText(/Unexpected Application Error/)).toBeNull();
    expect(document.body).not.toHaveTextContent(/Invalid currency code|RangeError|at App/);
    vi.mocked(console.error).mockRestore();
  });
});
