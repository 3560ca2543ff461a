package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.light.effect.Blend;
import dev.starling.light.effect.Effect;
import dev.starling.light.effect.TransitionLights;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scene's {@code effects} as the loader reads them: every type with its defaults, and the bad
 * input a designer writes, each refused with the JSON path, the line and a hint.
 */
class EffectsLoaderTest {
    @TempDir
    Path dir;

    private static final String SHOW = """
            {
              "format": "starling-show/1",
              "name": "Test",
              "drones": 64,
              "cues": { "bpm": 120, "offset": 0.0, "marks": [ { "name": "drop", "time": 30.0 } ] },
              "limits": {
                "minSeparation": 1.5, "maxSpeedXY": 8, "maxSpeedUp": 4, "maxSpeedDown": 3,
                "maxAcceleration": 4, "minAltitude": 20, "maxAltitude": 180,
                "lights": { "maxFlashRate": 2.5, "darkDuringTakeoff": true }
              },
              "takeoff": { "spacing": 2.5, "columns": 8, "launchAltitude": 20 },
              "scenes": [
                { "name": "Hi", "formation": { "type": "text", "text": "HI", "height": 20 },
                  "placement": { "center": [0, 20, 60] }, "hold": 10,
                  "transitionLights": "dim", "dimLevel": 0.3,
                  "effects": EFFECTS }
              ]
            }
            """;

    @BeforeEach
    void assets() throws IOException {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(1, 1, 0xFFFF0000);
        ImageIO.write(img, "png", dir.resolve("pic.png").toFile());
        Files.writeString(dir.resolve("broken.png"), "not a png at all");
        Files.writeString(dir.resolve("broken.mp4"), "not a video either");
        Files.writeString(dir.resolve("keys.csv"), "t,id,r,g,b\n0,1,255,0,0\n1.5,1,0,0,255\n0,64,9,9,9\n");
        Files.writeString(dir.resolve("twice.csv"), "t,id,r,g,b\n0,1,255,0,0\n2,3,0,0,0\n0,1,0,0,255\n");
        Files.writeString(dir.resolve("stranger.csv"), "0,1,255,0,0\n0,65,0,0,255\n");
        Files.writeString(dir.resolve("hot.csv"), "0,1,256,0,0\n");
    }

    private Show parse(String effects) {
        return ShowLoader.parse(SHOW.replace("EFFECTS", effects), dir, "show.json");
    }

    private InputException refused(String effects) {
        return assertThrows(InputException.class, () -> parse(effects));
    }

    @Test
    void everyTypeLoadsWithItsDefaults() {
        Show s = parse("""
                [ { "type": "solid", "color": "#102030" },
                  { "type": "gradient", "axis": "z", "colors": ["#FF0000", "#0000FF"], "stops": [0.2, 0.8] },
                  { "type": "gradient", "radial": true, "colors": ["#FFFFFF", "#000000"], "blend": "screen" },
                  { "type": "sweep", "colors": ["#FFC850", "#FFFFFF"], "period": "beat", "start": 1, "end": "drop" },
                  { "type": "image", "file": "pic.png", "view": "front" },
                  { "type": "pulse", "rate": 2, "start": 1, "duration": 4 },
                  { "type": "sparkle", "seed": 7 },
                  { "type": "keyframes", "file": "keys.csv", "step": true } ]
                """);
        Scene sc = s.scenes().get(0);
        List<Effect> e = sc.effects();
        assertEquals(8, e.size());
        assertEquals(Blend.MULTIPLY, e.get(5).timing().blend(), "a pulse multiplies by default");
        assertEquals(Blend.SCREEN, e.get(2).timing().blend());
        Effect.Sweep sweep = assertInstanceOf(Effect.Sweep.class, e.get(3));
        assertEquals(30.0, sweep.timing().end().seconds(), "a cue is an absolute time");
        assertTrue(sweep.timing().end().absolute());
        Effect.Keyframes k = assertInstanceOf(Effect.Keyframes.class, e.get(7));
        assertEquals(2, k.keys().first()[1] - k.keys().first()[0], "drone 1 has two keyframes");
        assertEquals(1, k.keys().first()[64] - k.keys().first()[63], "drone 64 has one");
        assertEquals(new TransitionLights(TransitionLights.Mode.DIM, 0.3), sc.lights());
        assertEquals(new LightLimits(2.5, 0.2, 0.2, true, true), s.lightLimits());
    }

    @Test
    void unknownEffectTypeIsRefusedWithASuggestion() {
        InputException e = refused("[ { \"type\": \"sparkel\" } ]");
        assertEquals("scenes[0].effects[0].type", e.path());
        assertTrue(e.hint().contains("sparkle"), e.hint());
        assertTrue(e.line() > 0);
    }

    @Test
    void badColourIsRefused() {
        InputException e = refused("[ { \"type\": \"solid\", \"color\": \"#GGG\" } ]");
        assertEquals("scenes[0].effects[0].color", e.path());
        assertTrue(e.getMessage().contains("#GGG"));
        InputException g = refused("[ { \"type\": \"gradient\", \"colors\": [\"#FF0000\", \"#GGG\"] } ]");
        assertEquals("scenes[0].effects[0].colors[1]", g.path());
    }

    @Test
    void missingOrCorruptPicturesAndVideosAreRefused() {
        assertEquals("scenes[0].effects[0].file", refused("[ { \"type\": \"image\", \"file\": \"nope.png\" } ]").path());
        InputException bad = refused("[ { \"type\": \"image\", \"file\": \"broken.png\" } ]");
        assertEquals("scenes[0].effects[0].file", bad.path());
        assertEquals("scenes[0].effects[0].file", refused("[ { \"type\": \"video\", \"file\": \"nope.mp4\" } ]").path());
        InputException v = refused("[ { \"type\": \"video\", \"file\": \"broken.mp4\" } ]");
        assertEquals("scenes[0].effects[0].file", v.path());
        assertTrue(v.getMessage().contains("broken.mp4"), v.getMessage());
    }

    @Test
    void overlappingKeyframesAreRefusedNamingBothLines() {
        InputException e = refused("[ { \"type\": \"keyframes\", \"file\": \"twice.csv\" } ]");
        assertEquals("scenes[0].effects[0].file", e.path());
        assertTrue(e.getMessage().contains("lines 2 and 4"), e.getMessage());
    }

    @Test
    void keyframeForADroneOutsideTheFleetIsRefused() {
        InputException e = refused("[ { \"type\": \"keyframes\", \"file\": \"stranger.csv\" } ]");
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("65"), e.getMessage());
        assertTrue(e.hint().contains("64"), e.hint());
        assertTrue(refused("[ { \"type\": \"keyframes\", \"file\": \"hot.csv\" } ]").getMessage().contains("0-255"));
    }

    @Test
    void fieldsOfAnotherTypeAndBeatsWithoutAGridAreRefused() {
        assertEquals("scenes[0].effects[0].axis",
                refused("[ { \"type\": \"solid\", \"color\": \"#FFFFFF\", \"axis\": \"x\" } ]").path());
        assertEquals("scenes[0].effects[0].blend",
                refused("[ { \"type\": \"solid\", \"color\": \"#FFFFFF\", \"blend\": \"overlay\" } ]").path());
        InputException cue = refused("[ { \"type\": \"solid\", \"color\": \"#FFFFFF\", \"start\": \"nocue\" } ]");
        assertEquals("scenes[0].effects[0].start", cue.path());
    }
}
