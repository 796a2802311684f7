// Where each field of a release goes: the steps in the order of the work, the facts that
// change every round first, the rarely changed ones folded away. A field of the schema that
// is named nowhere here is still shown, under "Other fields" at the end.
"use strict";

export const STEPS = [
  { id: "start" },
  {
    id: "meeting",
    fields: ["meeting.date", "meeting.end_date", "meeting.place", "meeting.round",
      "date", "place", "reference", "title", "meeting.opening"],
    folded: ["meeting.name", "meeting.article", "meeting.round_style", "identifier", "time"],
  },
  { id: "parties", fields: ["issuer", "counterpart"], folded: ["co_issuer", "eu", "counterpart_first"] },
  { id: "body", fields: ["body", "civil_society", "next_round"] },
  { id: "contacts", fields: ["contacts"], folded: ["contacts_file"] },
  { id: "links", fields: ["previous_rounds", "previous_rounds_heading"] },
  { id: "languages", fields: ["language", "translations"] },
  { id: "publication", fields: ["status", "embargo"], folded: ["house", "checks"] },
];

/** Fields that replace a sentence drafter writes, and the sentence (POST /api/sentences). */
export const OVERRIDES = {
  title: "title",
  "meeting.opening": "opening",
  "civil_society.sentence": "civil_society",
  "next_round.sentence": "next_round",
  previous_rounds_heading: "previous_heading",
};

/** A body paragraph (of the release or of a translation): one text box. */
export const isParagraph = (path) => /(^|\.)body\[\d+\]$/.test(path);

/** A reference, written as it is printed ("A 350/12"). */
export const isReference = (path) => /^(reference|previous_rounds\[\d+\]\.reference)$/.test(path);
