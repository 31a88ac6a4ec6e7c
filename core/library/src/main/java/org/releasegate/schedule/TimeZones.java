package org.releasegate.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads time zones strictly. {@code ZoneId.of("EST")} is a fixed -05:00 offset, an hour off all summer, so abbreviations
 * and bare offsets are refused with the IANA id to use instead.
 */
public final class TimeZones {
    /** The seed's "8am-4pm EST" means Eastern time, daylight saving included. */
    public static final ZoneId DEFAULT = ZoneId.of("America/New_York");

    private static final Pattern REGION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)+");

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
            Map.entry("ET", "America/New_York"), Map.entry("EST5EDT", "America/New_York"),
            Map.entry("CST", "America/Chicago"), Map.entry("CDT", "America/Chicago"),
            Map.entry("CT", "America/Chicago"), Map.entry("CST6CDT", "America/Chicago"),
            Map.entry("MST", "America/Denver (or America/Phoenix, which keeps no daylight saving)"),
            Map.entry("MDT", "America/Denver"), Map.entry("MT", "America/Denver"),
            Map.entry("MST7MDT", "America/Denver"),
            Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"),
            Map.entry("PT", "America/Los_Angeles"), Map.entry("PST8PDT", "America/Los_Angeles"),
            Map.entry("AKST", "America/Anchorage"), Map.entry("AKDT", "America/Anchorage"),
            Map.entry("HST", "Pacific/Honolulu"),
            Map.entry("BST", "Europe/London"),
            Map.entry("CET", "Europe/Paris"), Map.entry("CEST", "Europe/Paris"), Map.entry("MET", "Europe/Paris"),
            Map.entry("EET", "Europe/Athens"), Map.entry("EEST", "Europe/Athens"),
            Map.entry("WET", "Europe/Lisbon"), Map.entry("WEST", "Europe/Lisbon"),
            Map.entry("IST", "Asia/Kolkata"), Map.entry("JST", "Asia/Tokyo"),
            Map.entry("AEST", "Australia/Sydney"), Map.entry("AEDT", "Australia/Sydney"));

    private TimeZones() {
    }

    /**
     * A product's own zone as typed: blank or absent means the policy's, {@code otherwise}; anything else is read as
     * strictly as the policy's zone ({@link #parse}).
     *
     * @throws SpecException naming the input, and for an abbreviation the id to use
     */
    public static ZoneId parseOr(String text, ZoneId otherwise) {
        return text == null || text.isBlank() ? otherwise : parse(text);
    }

    /**
     * An IANA region id ({@code America/New_York}), or {@code UTC}/{@code GMT}.
     *
     * @throws SpecException naming the input, and for an abbreviation the id to use
     */
    public static ZoneId parse(String text) {
        String id = text == null ? "" : text.trim();
        if (id.isEmpty()) {
            throw new SpecException("A time zone is required: use an IANA id such as America/New_York", "", 0);
        }
        if (id.equals("UTC") || id.equals("GMT")) {
            return ZoneId.of(id);
        }
        String suggestion = ABBREVIATIONS.get(id.toUpperCase(java.util.Locale.ROOT));
        if (suggestion != null) {
            throw new SpecException('"' + id + "\" is an abbreviation, not a time zone: Java reads it as a fixed offset "
                    + "that ignores daylight saving. Use the IANA id " + suggestion, id, 0);
        }
        if (!REGION_ID.matcher(id).matches()) {
            throw new SpecException('"' + id + "\" is not an IANA time zone id: use a Region/City id such as "
                    + "America/New_York or Europe/Berlin, or UTC", id, 0);
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new SpecException("Unknown time zone \"" + id + "\": use an IANA id such as America/New_York "
                    + "or Europe/Berlin (the list is in the tz database)", id, 0);
        }
    }
}
