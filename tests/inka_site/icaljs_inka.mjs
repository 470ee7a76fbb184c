// Reads INKA feeds with ical.js (Thunderbird's calendar parser) and prints what a subscriber's
// calendar gets, as JSON: {file: {calname, version, prodid, events: [{uid, summary, start,
// end, isDate, categories, sequence}]}}. Exits 1 (message on stderr) on a parse error or a
// missing UID/DTSTAMP/DTSTART/PRODID/VERSION, which ical.js itself does not enforce.
// Run from the repository: node tests/inka_site/icaljs_inka.mjs FILE...
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = {};
let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const cal = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    for (const prop of ["prodid", "version"]) {
      if (!cal.getFirstPropertyValue(prop)) throw new Error(`VCALENDAR without ${prop}`);
    }
    const events = cal.getAllSubcomponents("vevent").map((vevent) => {
      for (const prop of ["uid", "dtstamp", "dtstart"]) {
        if (!vevent.getFirstPropertyValue(prop)) throw new Error(`VEVENT without ${prop}`);
      }
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        isDate: event.startDate.isDate,
        categories: vevent.getFirstPropertyValue("categories"),
        sequence: event.sequence,
      };
    });
    out[file] = {
      calname: cal.getFirstPropertyValue("x-wr-calname"),
      version: cal.getFirstPropertyValue("version"),
      prodid: cal.getFirstPropertyValue("prodid"),
      events,
    };
  } catch (error) {
    failed = true;
    console.error(`${file}: ${error}`);
  }
}
process.stdout.write(JSON.stringify(out));
process.exitCode = failed ? 1 : 0;  // not process.exit(): it would cut a piped stdout short
