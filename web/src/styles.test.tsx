import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { act, render, screen } from "@testing-library/react";
import { Toaster, toast } from "sonner";

describe("styles", () => {
  it("leaves the toasts' close button its small round box, its icon visible", async () => {
    render(<Toaster closeButton />);
    act(() => {
      toast.success("Saved.");
    });
    const close = await screen.findByRole("button", { name: "Close toast" });
    // The app's sheet comes after the toaster's own, as in the page.
    const sheet = document.createElement("style");
    sheet.textContent = readFileSync(join(__dirname, "styles.css"), "utf8");
    document.head.appendChild(sheet);

    const style = getComputedStyle(close);
    expect(style.paddingTop).toBe("0px");
    expect(style.paddingLeft).toBe("0px");
    expect(["0", "0px"]).toContain(style.minHeight);
    expect(style.color).not.toBe("rgb(255, 255, 255)");
    sheet.remove();
  });
});
