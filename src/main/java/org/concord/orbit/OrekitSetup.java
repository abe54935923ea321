package org.concord.orbit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.orekit.data.ClasspathCrawler;
import org.orekit.data.DataContext;
import org.orekit.data.DataProvidersManager;
import org.orekit.data.DirectoryCrawler;
import org.orekit.frames.EOPHistory;
import org.orekit.frames.FramesFactory;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScales;
import org.orekit.time.TimeScalesFactory;
import org.orekit.utils.IERSConventions;

/**
 * Configures Orekit's default data context once per process: the leap-second table shipped in the resources, and
 * optionally a full orekit-data directory (Earth orientation parameters and more) named by the operator.
 */
public final class OrekitSetup {

    private static final String LEAP_SECONDS_RESOURCE = "orekit-data/UTC-TAI.history";

    private static volatile OrekitSetup instance;

    private final Optional<Path> orekitDataDirectory;
    private final boolean earthOrientationLoaded;
    private final TimeScales timeScales;

    private OrekitSetup(Optional<Path> orekitDataDirectory) {
        this.orekitDataDirectory = orekitDataDirectory;
        DataProvidersManager manager = DataContext.getDefault().getDataProvidersManager();
        manager.clearProviders();
        orekitDataDirectory.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("orekit data directory " + dir + " does not exist");
            }
            manager.addProvider(new DirectoryCrawler(new File(dir.toString())));
        });
        manager.addProvider(new ClasspathCrawler(OrekitSetup.class.getClassLoader(), LEAP_SECONDS_RESOURCE));
        this.timeScales = TimeScalesFactory.getTimeScales();
        timeScales.getUTC();
        this.earthOrientationLoaded = orekitDataDirectory.isPresent() && hasEarthOrientation();
    }

    /** Sets Orekit up (first call wins; later calls with another directory are refused). */
    public static synchronized OrekitSetup initialize(Optional<Path> orekitDataDirectory) {
        if (instance == null) {
            instance = new OrekitSetup(orekitDataDirectory);
        } else if (!instance.orekitDataDirectory.equals(orekitDataDirectory)) {
            throw new IllegalStateException("Orekit is already set up with " + instance.orekitDataDirectory
                    + "; cannot switch to " + orekitDataDirectory + " in the same process");
        }
        return instance;
    }

    /** The set-up of this process, with the shipped leap seconds only when nobody configured more. */
    public static OrekitSetup get() {
        OrekitSetup current = instance;
        return current != null ? current : initialize(Optional.empty());
    }

    /** Whether IERS Earth orientation parameters are loaded; without them ITRF results are approximate. */
    public boolean earthOrientationLoaded() {
        return earthOrientationLoaded;
    }

    /**
     * The time scales of the data context set up here, the only place Concord asks Orekit for its default ones: the
     * classes that need a time scale are given it, as Orekit's own APIs take a {@code TimeScales}.
     */
    public TimeScales timeScales() {
        return timeScales;
    }

    public Optional<Path> orekitDataDirectory() {
        return orekitDataDirectory;
    }

    private static boolean hasEarthOrientation() {
        try {
            EOPHistory history = FramesFactory.getEOPHistory(IERSConventions.IERS_2010, true);
            return history.getStartDate().isBefore(AbsoluteDate.FUTURE_INFINITY)
                    && !history.getEntries().isEmpty();
        } catch (RuntimeException noEop) {
            return false;
        }
    }
}
