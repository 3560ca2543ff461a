package dev.starling.render;

import dev.starling.site.Site;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The flagship's site, {@code shows/chongqing/site.json}, as packaged into this module's jar: the
 * scene drawn when no {@code --site} is given.
 */
public final class ChongqingSite {
    /** Where the build puts the file inside the jar. */
    static final String RESOURCE = "sites/chongqing/site.json";
    /** How errors and messages name it. */
    public static final String NAME = "shows/chongqing/site.json (built in)";

    private ChongqingSite() {
    }

    /** Reads the built-in site; a defect in it is an {@link dev.starling.InputException} naming the file. */
    public static Site load() {
        try (InputStream in = ChongqingSite.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build did not package " + RESOURCE + " (see render/pom.xml)");
            }
            return Site.read(in, NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in site", e);
        }
    }
}
