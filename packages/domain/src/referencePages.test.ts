// docs/reference/commands.md and events.md are read by developers who never open the code: this
// test holds their sections to the catalogues, so a new command or event cannot go undocumented
// and a renamed one cannot leave a section behind. A section may name several types at once
// (`### PauseStandingInstruction, ResumeStandingInstruction, ...`) when they share their fields.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { domainEventTypes } from './catalogue.ts';
import { commandTypes } from './commandCatalogue.ts';

const page = (name: string): string =>
  readFileSync(new URL(`../../../docs/reference/${name}`, import.meta.url), 'utf8');

// The type names of each `### ` heading after `from` (the catalogue part of the page).
const documented = (text: string, from: string): string[] => {
  const start = text.indexOf(from);
  assert.ok(start !== -1, `the page has no heading ${from}`);
  return [...text.slice(start).matchAll(/^### (.+)$/gm)]
    .flatMap((m) => (m[1] ?? '').split(', '));
};

const sameTypes = (onPage: string[], inCode: ReadonlyArray<string>, what: string) => {
  const missing = inCode.filter((t) => !onPage.includes(t));
  const unknown = onPage.filter((t) => !inCode.includes(t));
  const twice = onPage.filter((t, i) => onPage.indexOf(t) !== i);
  assert.equal(missing, [], `${what} with no section on the page: ${missing.join(', ')}`);
  assert.equal(unknown, [], `sections for no ${what} of the code: ${unknown.join(', ')}`);
  assert.equal(twice, [], `${what} with two sections: ${twice.join(', ')}`);
};

test('every command of the catalogue has one section in commands.md, and no other', () => {
  sameTypes(documented(page('commands.md'), '## The catalogue'), commandTypes, 'command types');
});

test('every event type of the catalogue has one entry in events.md, and no other', () => {
  // Every `### ` heading of events.md is an event's entry.
  sameTypes(documented(page('events.md'), '### '), domainEventTypes, 'event types');
});

test.run();
