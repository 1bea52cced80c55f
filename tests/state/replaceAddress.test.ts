// @vitest-environment jsdom
// replaceAddress: rewrites the address in place, and first opts the page's form controls out of the browser's
// form memory (the address, not the controls, holds a page's state).
import {afterEach, describe, expect, it, vi} from "vitest";
import {replaceAddress} from "../../src/state/replaceAddress.js";

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  history.replaceState(null, "", "/");
});

describe("replaceAddress", () => {
  it("replaces the current entry's address without adding one", () => {
    const length = history.length;
    expect(replaceAddress("/compare?stim=dc#planes")).toBe(true);
    expect(location.pathname + location.search + location.hash).toBe("/compare?stim=dc#planes");
    expect(history.length).toBe(length);
  });

  it("sets autocomplete=off on forms and controls that have none, and keeps a value already set", () => {
    const form = document.createElement("form");
    const range = Object.assign(document.createElement("input"), {type: "range"});
    const select = document.createElement("select");
    form.append(range, select);
    const search = Object.assign(document.createElement("input"), {type: "search"});
    search.setAttribute("autocomplete", "on");
    const area = document.createElement("textarea");
    document.body.append(form, search, area);
    replaceAddress("/?a=0.02");
    expect([form, range, select, area].map((x) => x.getAttribute("autocomplete"))).toEqual([
      "off",
      "off",
      "off",
      "off"
    ]);
    expect(search.getAttribute("autocomplete")).toBe("on");
    // A control added later is opted out at the next rewrite.
    const later = document.createElement("input");
    document.body.append(later);
    replaceAddress("/?a=0.03");
    expect(later.getAttribute("autocomplete")).toBe("off");
  });

  it("returns false and keeps the address when the browser refuses the write", () => {
    replaceAddress("/?a=0.02");
    vi.spyOn(history, "replaceState").mockImplementation(() => {
      throw new DOMException("too many calls", "SecurityError");
    });
    expect(replaceAddress("/?a=0.05")).toBe(false);
    expect(location.search).toBe("?a=0.02");
  });
});
