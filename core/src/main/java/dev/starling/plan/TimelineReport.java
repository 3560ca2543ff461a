package dev.starling.plan;

import dev.starling.audio.BeatGrid;
import dev.starling.show.Cue;
import dev.starling.show.Music;
import dev.starling.show.Pin;
import dev.starling.show.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The show's timeline as planned, for {@code report.json} and the printed summary: the music,
 * every cue, and for every scene the times it was pinned to and the times the plan reaches
 * them, with the difference in milliseconds.
 *
 * @param music    the soundtrack, or null
 * @param beats    the beat grid, or null
 * @param cues     every cue, in time order
 * @param scenes   every scene: pinned and actual times
 * @param warnings what does not fit but does not stop the show (a show that runs past its music)
 */
public record TimelineReport(MusicInfo music, BeatGrid beats, List<CueTime> cues, List<SceneTimes> scenes,
                             List<String> warnings) {

    /** The soundtrack: its file (as written in plan.json's folder), format, offset and length, seconds. */
    public record MusicInfo(String file, String format, double offset, double duration, double endInShow) {
    }

    /** A cue: name, show time, where it was written. */
    public record CueTime(String name, double time, String origin) {
    }

    /**
     * One scene's times.
     *
     * @param at          what {@code at} said, or null
     * @param pinnedAt    the show time it stands for, or null
     * @param complete    when the plan completes the formation (hold start)
     * @param atErrorMs   complete − pinnedAt in milliseconds, or null
     * @param until       what {@code until} said, or null
     * @param pinnedUntil the show time it stands for, or null
     * @param holdEnd     when the plan ends the hold
     */
    public record SceneTimes(String scene, String at, Double pinnedAt, double complete, Double atErrorMs,
                             String until, Double pinnedUntil, double holdEnd) {
    }

    /** The timeline of {@code plan} (music, cues, scene pins) with its warnings. */
    public static TimelineReport of(Plan plan) {
        Timeline tl = plan.timeline();
        MusicInfo music = null;
        List<String> warnings = new ArrayList<>();
        Music m = tl.music();
        if (m != null) {
            music = new MusicInfo(m.file().getFileName().toString(), m.format(), m.offset(), m.duration(), m.endInShow());
            double end = plan.endTime();
            if (end > m.endInShow() + 1e-3) {
                warnings.add(String.format(Locale.ROOT, "the show ends at %.3f s, %.3f s after the music (%s ends at "
                                + "%.3f s of show time): the last %.3f s fly in silence; lengthen the track or shorten "
                                + "the show", end, end - m.endInShow(), music.file(), m.endInShow(), end - m.endInShow()));
            }
            if (m.startInShow() > plan.startTime() + 1e-3) {
                warnings.add(String.format(Locale.ROOT, "the music starts %.3f s after the show (music.offset %.3f): "
                        + "the takeoff is silent", m.startInShow(), m.offset()));
            }
        }
        List<CueTime> cues = new ArrayList<>();
        for (Cue c : tl.cues()) {
            cues.add(new CueTime(c.name(), c.time(), c.origin()));
        }
        List<SceneTimes> scenes = new ArrayList<>();
        for (SceneSpan s : plan.scenes()) {
            Pin at = s.at(), until = s.until();
            scenes.add(new SceneTimes(s.name(), at == null ? null : at.written(), at == null ? null : at.time(),
                    s.holdStart(), at == null ? null : Math.round((s.holdStart() - at.time()) * 1e6) / 1e3,
                    until == null ? null : until.written(), until == null ? null : until.time(), s.holdEnd()));
        }
        return new TimelineReport(music, tl.beats(), cues, scenes, warnings);
    }
}
