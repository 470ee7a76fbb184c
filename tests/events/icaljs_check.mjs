// Parse .ics files with ical.js (Thunderbird's parser) and print what it understood as JSON.
// Usage: node tests/events/icaljs_check.mjs <node_modules dir> <file.ics>...
// Exit 1 (with the message on stderr) when a file does not parse or an event has no start.
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [modules, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(join(modules, "ical.js", "dist", "ical.js")).href)).default;

const out = {};
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(tz);
  }
  const events = cal.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    if (!event.startDate) {
      throw new Error(`${file}: event ${event.uid} has no start`);
    }
    const end = vevent.getFirstPropertyValue("dtend");
    return {
      uid: event.uid,
      summary: event.summary,
      isDate: event.startDate.isDate,
      tzid: vevent.getFirstProperty("dtstart").getParameter("tzid") || null,
      startUtc: event.startDate.isDate ? null : event.startDate.toJSDate().toISOString(),
      start: event.startDate.toString(),
      end: end ? end.toString() : null,
      status: vevent.getFirstPropertyValue("status"),
      location: event.location,
      url: vevent.getFirstPropertyValue("url"),
    };
  });
  out[file] = {
    calname: cal.getFirstPropertyValue("x-wr-calname"),
    version: cal.getFirstPropertyValue("version"),
    timezones: cal.getAllSubcomponents("vtimezone").map((tz) => tz.getFirstPropertyValue("tzid")),
    events,
  };
}
process.stdout.write(JSON.stringify(out));
