import type { Locator, Page } from '@playwright/test';
import { expect } from './console-guard';

/**
 * Driving the place picker (src/ui/place-picker.tsx) as a user does: the views choose their city with
 * a combobox, no longer a native select. Every place is found by its key, since a key is its code or,
 * without one, its name, and the picker searches both.
 */

type Scope = Page | Locator;

function pageOf(scope: Scope): Page {
  return 'mainFrame' in scope ? scope : scope.page();
}

/** The picker's input, by its visible label. */
export function placeInput(scope: Scope, label: string): Locator {
  return scope.getByRole('combobox', { name: label, exact: true });
}

/** The list the input controls (its aria-controls). */
export async function placeList(input: Locator): Promise<Locator> {
  const id = await input.getAttribute('aria-controls');
  return pageOf(input).locator(`[id=${JSON.stringify(id ?? '')}]`);
}

/** The option of `key` in a list ('' is the "none" entry of a partner picker). */
export function placeOption(list: Locator, key: string): Locator {
  return list.locator(`[role="option"][data-key=${JSON.stringify(key)}]`);
}

/** Chooses the place `key` in the picker labelled `label`: types `query` (default: the key), clicks the option. */
export async function pickPlace(scope: Scope, label: string, key: string, query: string = key): Promise<void> {
  const input = placeInput(scope, label);
  await input.click();
  await input.fill(query);
  await placeOption(await placeList(input), key).click();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
}

/** The picker labelled `label` shows the place `key` ('' for none, or for a picker that adds). */
export async function expectPlace(scope: Scope, label: string, key: string | RegExp): Promise<void> {
  await expect(placeInput(scope, label)).toHaveAttribute('data-key', key);
}

/** The options a picker offers when opened without typing (keys and labels, in list order; at most the first 100); closes it again. */
export async function placeOptions(scope: Scope, label: string): Promise<{ key: string; label: string }[]> {
  const input = placeInput(scope, label);
  await input.click();
  const list = await placeList(input);
  await expect(list).toBeVisible();
  const options = await list.locator('[role="option"]').evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-key') ?? '', label: e.textContent ?? '' })));
  await input.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  return options;
}
