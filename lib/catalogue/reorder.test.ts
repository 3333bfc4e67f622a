import { describe, expect, it } from "vitest";
import { dropPosition, moveItemLocally, moveModuleLocally, stepTarget } from "./reorder";

const modules = [
  { id: 1, items: [{ id: 11 }, { id: 12 }, { id: 13 }] },
  { id: 2, items: [] as { id: number }[] },
  { id: 3, items: [{ id: 31 }] },
];
const shape = (list: typeof modules) => list.map((m) => [m.id, m.items.map((i) => i.id)]);

describe("moveItemLocally", () => {
  it("moves within a module and across modules, clamping the position", () => {
    expect(shape(moveItemLocally(modules, 13, 1, 0))).toEqual([[1, [13, 11, 12]], [2, []], [3, [31]]]);
    expect(shape(moveItemLocally(modules, 11, 2, 5))).toEqual([[1, [12, 13]], [2, [11]], [3, [31]]]);
    expect(shape(moveItemLocally(modules, 31, 1, 1))).toEqual([[1, [11, 31, 12, 13]], [2, []], [3, []]]);
    expect(moveItemLocally(modules, 99, 1, 0)).toBe(modules);
    expect(moveItemLocally(modules, 11, 99, 0)).toBe(modules);
  });
});

describe("moveModuleLocally", () => {
  it("moves a module with its items", () => {
    expect(shape(moveModuleLocally(modules, 3, 0))).toEqual([[3, [31]], [1, [11, 12, 13]], [2, []]]);
    expect(moveModuleLocally(modules, 1, 9).map((m) => m.id)).toEqual([2, 3, 1]);
  });
});

describe("stepTarget", () => {
  it("steps within a module, then crosses into the neighbouring module, and stops at both ends", () => {
    expect(stepTarget(modules, 12, -1)).toEqual({ moduleId: 1, position: 0 });
    expect(stepTarget(modules, 12, 1)).toEqual({ moduleId: 1, position: 2 });
    expect(stepTarget(modules, 13, 1)).toEqual({ moduleId: 2, position: 0 });
    expect(stepTarget(modules, 31, -1)).toEqual({ moduleId: 2, position: 0 });
    expect(stepTarget(moveItemLocally(modules, 13, 2, 0), 31, -1)).toEqual({ moduleId: 2, position: 1 });
    expect(stepTarget(modules, 11, -1)).toBeNull();
    expect(stepTarget(modules, 31, 1)).toBeNull();
  });
});

describe("dropPosition", () => {
  it("counts among the other rows, before or after the target", () => {
    const ids = [11, 12, 13, 14];
    expect(dropPosition(ids, 11, 13, true)).toBe(1);
    expect(dropPosition(ids, 11, 13, false)).toBe(2);
    expect(dropPosition(ids, 14, 11, true)).toBe(0);
    expect(dropPosition(ids, 12, null, true)).toBe(3);
    expect(dropPosition(ids, 12, 12, true)).toBe(1);
    expect(dropPosition([31], 11, 31, false)).toBe(1);
    expect(dropPosition([], 11, null, true)).toBe(0);
  });
});
