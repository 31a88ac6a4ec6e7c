package io.jenkins.plugins.releasegate.status;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.WeekView;

/**
 * Core's {@link WeekView} laid out for an inline SVG (index.jelly): seven day columns, time running down, open and
 * frozen blocks, hour lines and a mark at now. Only numbers and escaped text reach the page, and geometry lives in
 * SVG attributes, not style, so the picture works under a strict Content-Security-Policy.
 */
@Restricted(NoExternalUse.class)
public final class WeekPicture {
    static final int GUTTER = 70;
    static final int HEADER = 50;
    static final int COLUMN = 180;
    static final int INSET = 6;
    /** Vertical units per minute: a day is 720 units tall. */
    static final double SCALE = 0.5;
    static final int WIDTH = GUTTER + WeekView.DAYS * COLUMN;
    static final int HEIGHT = HEADER + (int) (WeekView.MINUTES_PER_DAY * SCALE) + 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final WeekView week;
    private final Duration runway;

    WeekPicture(WeekView week) {
        this(week, Duration.ZERO);
    }

    /** @param runway the product's runway, whose cut-off the view marks at the end of each open stretch */
    WeekPicture(WeekView week, Duration runway) {
        this.week = week;
        this.runway = runway;
    }

    /** Whether the picture shows a runway cut-off (and so its key). */
    public boolean isCutOff() {
        return !runway.isZero();
    }

    public String getViewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public String getZone() {
        return week.zone().getId();
    }

    /** For screen readers and the tooltip of the whole picture. */
    public String getCaption() {
        return Messages.WeekPicture_Caption(DAY.format(week.days().get(0).date()), getZone());
    }

    public List<Column> getColumns() {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < week.days().size(); i++) {
            columns.add(new Column(i, week.days().get(i), runway));
        }
        return columns;
    }

    public List<HourLine> getHours() {
        List<HourLine> hours = new ArrayList<>();
        for (int hour = 0; hour <= 24; hour += 6) {
            hours.add(new HourLine(hour));
        }
        return hours;
    }

    public int getLeft() {
        return GUTTER;
    }

    public int getRight() {
        return WIDTH;
    }

    public String getNowY() {
        return y(week.nowMinute());
    }

    public int getNowRight() {
        return GUTTER + COLUMN;
    }

    static String y(int minute) {
        return number(HEADER + minute * SCALE);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** One day. */
    public static final class Column {
        private final int index;
        private final WeekView.Day day;
        private final Duration runway;

        Column(int index, WeekView.Day day, Duration runway) {
            this.index = index;
            this.day = day;
            this.runway = runway;
        }

        public String getLabel() {
            return DAY.format(day.date());
        }

        public int getX() {
            return GUTTER + index * COLUMN;
        }

        public int getLabelX() {
            return getX() + COLUMN / 2;
        }

        public int getWidth() {
            return COLUMN;
        }

        public int getTop() {
            return HEADER;
        }

        public String getHeight() {
            return number(WeekView.MINUTES_PER_DAY * SCALE);
        }

        /**
         * Frozen blocks first, so the open ones are drawn over them (they never overlap: freezes close production); the
         * runway's cut-off last, over the end of the open ones.
         */
        public List<Block> getBlocks() {
            List<Block> blocks = new ArrayList<>();
            for (WeekView.Frozen f : day.frozen()) {
                blocks.add(new Block(this, f.range(), "frozen",
                        Messages.WeekPicture_Frozen(getLabel(), f.range().clock(), f.reason())));
            }
            for (WeekView.Range r : day.open()) {
                blocks.add(new Block(this, r, "open", Messages.WeekPicture_Open(getLabel(), r.clock())));
            }
            for (WeekView.Range r : day.cutOff()) {
                blocks.add(new Block(this, r, "cutoff", Messages.WeekPicture_CutOff(getLabel(), r.clock(),
                        Runway.words(runway))));
            }
            return blocks;
        }
    }

    /** An open or frozen stretch of a day. */
    public static final class Block {
        private final Column column;
        private final WeekView.Range range;
        private final String kind;
        private final String title;

        Block(Column column, WeekView.Range range, String kind, String title) {
            this.column = column;
            this.range = range;
            this.kind = kind;
            this.title = title;
        }

        public int getX() {
            return column.getX() + INSET;
        }

        public int getWidth() {
            return COLUMN - 2 * INSET;
        }

        public String getY() {
            return y(range.from());
        }

        public String getHeight() {
            return number((range.to() - range.from()) * SCALE);
        }

        /** {@code open}, {@code frozen} or {@code cutoff}: the CSS class suffix. */
        public String getKind() {
            return kind;
        }

        public String getTitle() {
            return title;
        }
    }

    /** A labelled line every six hours. */
    public static final class HourLine {
        private final int hour;

        HourLine(int hour) {
            this.hour = hour;
        }

        public String getY() {
            return y(hour * 60);
        }

        /** Baseline of the label, a little below the line so 00:00 stays inside the picture. */
        public String getLabelY() {
            return number(HEADER + hour * 60 * SCALE + 8);
        }

        public String getLabel() {
            return String.format(Locale.ROOT, "%02d:00", hour);
        }
    }
}
