package io.fairspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fairspin.audit.round.DisputePacket;
import io.fairspin.audit.record.RoundRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player page in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs): it
 * plays a slot round and a video poker hand by itself ({@code ?autoplay=GAME}), and the test reads the
 * settled round from the page's DOM ({@code --dump-dom}): the commitment shown before the spin is the
 * logged one, the outcome is the logged win, and the dispute packet shown checks out with the operator's
 * key. Skipped, with a message, where no Chromium is installed.
 */
class PageBrowserTest {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = new TestServer(dir, "sizzling-hot.json", "jacks-or-better-9-6.json", "lucky-wilds.json");
    }

    @AfterAll
    static void stop() throws Exception {
        s.close();
    }

    static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void aSlotRoundPlayedInTheBrowser() throws Exception {
        playInBrowser("sizzling-hot");
    }

    @Test
    void aVideoPokerHandPlayedInTheBrowser() throws Exception {
        playInBrowser("jacks-or-better-9-6");
    }

    /**
     * The page offers lucky-wilds' bonus buy (26 total bets) and buys it when asked: the logged round's bet is the
     * price x the standard stake and its player choices say it was bought.
     */
    @Test
    void aBoughtRoundPlayedInTheBrowser() throws Exception {
        RoundRecord logged = playInBrowser("lucky-wilds", "&buy=1");
        assertEquals(26 * 20, logged.bet());
        assertTrue(new String(logged.playerChoices(), StandardCharsets.UTF_8).contains("\"bonusBuy\":true"),
                new String(logged.playerChoices(), StandardCharsets.UTF_8));
        assertTrue(new String(logged.outcome(), StandardCharsets.UTF_8).contains("\"bonusBuy\":{"));
    }

    private RoundRecord playInBrowser(String game) throws Exception {
        return playInBrowser(game, "");
    }

    /** Plays a round of {@code game} in the page ({@code ?autoplay=GAME} and {@code query}) and returns it as logged. */
    private RoundRecord playInBrowser(String game, String query) throws Exception {
        String browser = chromium();
        assumeTrue(browser != null, "no Chromium installed (apt-get install chromium); .ci/run installs it");
        String dom = dumpDom(browser, s.server.url() + "/?autoplay=" + game + query);
        assertTrue(dom.contains("data-state=\"settled\""), "the page settled the round:\n" + dom);
        String roundId = text(dom, "round-id");
        String commitment = text(dom, "commitment");
        assertEquals(commitment, attribute(dom, "data-commitment-shown"), "the commitment was shown before the play");
        RoundRecord logged = s.entries().stream().filter(e -> e.event() instanceof RoundRecord r
                && r.roundId().equals(roundId)).map(e -> (RoundRecord) e.event()).findFirst().orElseThrow();
        assertEquals(HexFormat.of().formatHex(logged.seedCommitment()), commitment);
        assertEquals(String.valueOf(logged.win()), text(dom, "win"));
        assertEquals(game, logged.gameId());
        String packet = unescape(text(dom, "packet"));
        DisputePacket.Verified verified = DisputePacket.parse(packet).verify(TestServer.OPERATOR.getPublic());
        assertEquals(roundId, ((RoundRecord) verified.entry().event()).roundId());
        return logged;
    }

    private static String dumpDom(String browser, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium");
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=30000",
                "--dump-dom", url)
                .redirectError(dir.resolve("chromium.stderr").toFile())
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String text(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "no #" + id + " in the page:\n" + dom);
        return m.group(1).trim();
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "no " + name + " in the page");
        return m.group(1);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
