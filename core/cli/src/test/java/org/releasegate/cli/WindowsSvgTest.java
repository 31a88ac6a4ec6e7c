package org.releasegate.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.WeekView;
import org.releasegate.schedule.WindowSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code windows --format svg}: core's week view as an SVG file that parses as XML and shows each window and freeze of
 * the week as a labelled block; the picture in docs/ is what the command writes for the sample policy.
 */
public class WindowsSvgTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** The command docs/cli.md shows for docs/images/checkout-week.svg, without its output redirection. */
    private static final String DOCS_COMMAND = "windows --policy docs/examples/release-gate.yml --product checkout "
            + "--from 2026-12-17T10:00:00-05:00 --format svg";
    private static final String PICTURE = "../../docs/images/checkout-week.svg";

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static CliRun svg(String... args) {
        List<String> all = new ArrayList<>(List.of("windows"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "svg"));
        CliRun run = CliRun.run(all.toArray(new String[0]));
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals("", run.err);
        return run;
    }

    /** The blocks of a kind ({@code open} or {@code frozen}): each one's tooltip and label. */
    private static List<String> blocks(Document doc, String kind) {
        List<String> out = new ArrayList<>();
        NodeList groups = doc.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals(kind)) {
                out.add(g.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent() + " | "
                        + g.getElementsByTagNameNS(SVG_NS, "text").item(0).getTextContent());
            }
        }
        return out;
    }

    private static Element first(Document doc, String kind) {
        NodeList groups = doc.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals(kind)) {
                return (Element) g.getElementsByTagNameNS(SVG_NS, "rect").item(0);
            }
        }
        throw new AssertionError("no " + kind + " block");
    }

    @Test
    public void aWeekWithAWindowAndAFreezeIsWellFormedAndShowsEach() throws Exception {
        Document doc = parse(svg("--product", "checkout", "--from", "2026-12-17T10:00:00-05:00").out);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("checkout: production windows and freezes, the week of Thu 17 Dec 2026 (America/New_York)",
                root.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent());
        assertEquals(List.of("Thu 17 Dec open 08:00-16:00 | 08:00-16:00"), blocks(doc, "open"));
        assertEquals(List.of("Mon 21 Dec frozen 00:00-24:00: Holiday freeze | Holiday freeze",
                "Tue 22 Dec frozen 00:00-24:00: Holiday freeze | Holiday freeze",
                "Wed 23 Dec frozen 00:00-24:00: Holiday freeze | Holiday freeze"), blocks(doc, "frozen"));
        assertEquals(7, countByClass(doc, "rect", "day"));
        assertEquals(5, countByClass(doc, "line", "hour"));
    }

    @Test
    public void blocksSitAtTheirTimesAndNowIsMarked() throws Exception {
        Document doc = parse(svg("--product", "checkout", "--from", "2026-12-17T10:00:00-05:00").out);
        Element open = first(doc, "open");
        // A day is 480 units tall under a 64-unit header: 08:00 is 64 + 160, eight hours are 160.
        assertEquals("224.0", open.getAttribute("y"));
        assertEquals("160.0", open.getAttribute("height"));
        assertEquals("60", open.getAttribute("x"));
        assertEquals("112", open.getAttribute("width"));
        Element frozen = first(doc, "frozen");
        assertEquals("540", frozen.getAttribute("x"));
        assertEquals("64.0", frozen.getAttribute("y"));
        assertEquals("480.0", frozen.getAttribute("height"));
        Element now = byClass(doc, "line", "now");
        assertEquals("264.0", now.getAttribute("y1"));
        assertEquals("now: 10:00", now.getTextContent());
        assertEquals("56", now.getAttribute("x1"));
        assertEquals("176", now.getAttribute("x2"));
    }

    /** Every open range and freeze core's week view has, whatever the policy: one block each, in the same order. */
    @Test
    public void everyRangeOfCoresWeekViewIsABlock() throws Exception {
        String[] policy = {"--window", "Mon-Thu 08:00-16:00", "--window", "Fri 09:00-12:00 Europe/Berlin",
            "--window", "Sat 22:00-02:00", "--freeze", "2026-12-01 Deploy <freeze> & \"friends\""};
        List<String> args = new ArrayList<>(List.of(policy));
        args.addAll(List.of("--from", "2026-11-30T09:00:00-05:00"));
        Document doc = parse(svg(args.toArray(new String[0])).out);

        ZoneId ny = ZoneId.of("America/New_York");
        ProductPolicy product = ProductPolicy.builder("default").zone(ny)
                .windows(WindowSpec.parse("Mon-Thu 08:00-16:00; Fri 09:00-12:00 Europe/Berlin; Sat 22:00-02:00", ny))
                .freezes(List.of(Freeze.parse("2026-12-01 Deploy <freeze> & \"friends\""))).build();
        WeekView week = WeekView.of(product.getSchedule(), Instant.parse("2026-11-30T14:00:00Z"), ny);
        List<String> open = new ArrayList<>();
        List<String> frozen = new ArrayList<>();
        for (WeekView.Day d : week.days()) {
            String day = d.dayName() + " " + d.date().getDayOfMonth() + " " + (d.date().getMonthValue() == 11 ? "Nov"
                    : "Dec");
            d.open().forEach(r -> open.add(day + " open " + r.clock() + " | " + r.clock()));
            d.frozen().forEach(f -> frozen.add(day + " frozen " + f.range().clock() + ": " + f.reason() + " | "
                    + f.reason()));
        }
        assertTrue(open.size() >= 6);
        assertEquals(open, blocks(doc, "open"));
        assertEquals(List.of("Tue 1 Dec frozen 00:00-24:00: Deploy <freeze> & \"friends\" | Deploy <freeze> & "
                + "\"friends\""), frozen);
        assertEquals(frozen, blocks(doc, "frozen"));
        assertThat(blocks(doc, "open").toString(), containsString("Fri 4 Dec open 03:00-06:00"));
        assertThat(blocks(doc, "open").toString(), containsString("Sun 6 Dec open 00:00-02:00"));
    }

    @Test
    public void aProductThatNeverOpensIsAnEmptyWeek() throws Exception {
        Document doc = parse(svg("--window", "never", "--from", "2026-11-30T09:00:00-05:00").out);
        assertEquals(List.of(), blocks(doc, "open"));
        assertEquals(List.of(), blocks(doc, "frozen"));
        assertEquals(7, countByClass(doc, "rect", "day"));
    }

    @Test
    public void aProductInItsOwnZoneIsDrawnInIt() throws Exception {
        Document doc = parse(svg("--window", "Mon-Thu 08:00-16:00", "--time-zone", "Europe/Berlin", "--from",
                "2026-11-30T09:00:00+01:00").out);
        assertThat(doc.getDocumentElement().getAttribute("aria-label"), containsString("(Europe/Berlin)"));
        assertEquals("Mon 30 Nov open 08:00-16:00 | 08:00-16:00", blocks(doc, "open").get(0));
    }

    @Test
    public void xmlSpecialCharactersAreEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", WeekSvg.escape("a <b> & \"c\" 'd'"));
    }

    /** The picture in the docs is what the documented command writes today: regenerate it when the sample changes. */
    @Test
    public void thePictureInTheDocsIsWhatTheCommandWrites() throws IOException {
        String[] args = DOCS_COMMAND.replace("docs/", "../../docs/").split(" ");
        CliRun run = CliRun.run(args);
        String committed = Files.readString(Paths.get(PICTURE), StandardCharsets.UTF_8);
        assertEquals("docs/images/checkout-week.svg is out of date: regenerate it with\n  java -jar "
                + "core/cli/target/release-gate.jar " + DOCS_COMMAND + " > docs/images/checkout-week.svg\n",
                committed, run.out);
        String cliDoc = Files.readString(Paths.get("../../docs/cli.md"), StandardCharsets.UTF_8);
        assertThat(cliDoc, containsString("java -jar core/cli/target/release-gate.jar " + DOCS_COMMAND
                + " > docs/images/checkout-week.svg"));
        assertThat(cliDoc, containsString("![checkout's week: "));
    }

    private static int countByClass(Document doc, String tag, String cls) {
        int n = 0;
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((Element) nodes.item(i)).getAttribute("class").equals(cls)) {
                n++;
            }
        }
        return n;
    }

    private static Element byClass(Document doc, String tag, String cls) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((Element) nodes.item(i)).getAttribute("class").equals(cls)) {
                return (Element) nodes.item(i);
            }
        }
        throw new AssertionError("no " + tag + " of class " + cls);
    }
}
