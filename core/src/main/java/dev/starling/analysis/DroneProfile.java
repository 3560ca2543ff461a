package dev.starling.analysis;

/**
 * The airframe and battery of a show drone, for the energy model of {@link BatteryAnalysis}. SI
 * units: kilograms, metres, watts, watt-hours.
 *
 * <p>Electrical power while airborne (docs/analysis.md, "Battery"):
 * <pre>
 *   P = [ P_ih · (‖a + g·ẑ‖ / g)^{3/2} + ½·ρ·CdA·‖v − w̄‖³ + m·g·max(v_z, 0) ] / η + P_avionics + P_led·(r+g+b)/765
 *   P_ih = (m·g)^{3/2} / (FM · √(2·ρ·A)),   A = rotors · π·(D/2)²
 * </pre>
 * P_ih is the shaft power to hover from actuator-disk momentum theory with a figure of merit
 * (Leishman, <i>Principles of Helicopter Aerodynamics</i>, 2nd ed., ch. 2); induced power scales
 * with thrust^{3/2}, so accelerating and braking cost more than hovering; parasitic drag power
 * grows with the cube of the airspeed (the mean wind w̄ counts); climbing adds the rate of
 * potential energy; descending recovers nothing (conservative).
 *
 * @param mass                 take-off mass including battery, kg
 * @param rotors               number of rotors
 * @param rotorDiameter        propeller diameter, m
 * @param figureOfMerit        rotor figure of merit FM, 0..1 (small propellers: 0.5–0.65)
 * @param efficiency           electrical efficiency η of ESCs and motors, 0..1
 * @param dragArea             drag coefficient × frontal area CdA, m²
 * @param avionicsPower        flight controller, RTK GNSS receiver and radios, W
 * @param ledPower             LED power at full white (255, 255, 255), W; scales with r+g+b
 * @param batteryWh            nominal battery energy, Wh
 * @param usableFraction       share of the nominal energy usable before the voltage cut-off, 0..1
 * @param reserveFraction      share of the usable energy that must remain at landing, 0..1
 * @param airDensity           ρ, kg/m³ (1.225 at sea level, 15 °C; Chongqing ≈ 1.18)
 * @param airborneAbove        altitude above which the motors count as running, m
 */
public record DroneProfile(double mass, int rotors, double rotorDiameter, double figureOfMerit, double efficiency,
                           double dragArea, double avionicsPower, double ledPower, double batteryWh,
                           double usableFraction, double reserveFraction, double airDensity, double airborneAbove) {
    /** Standard gravity, m/s². */
    public static final double G = 9.80665;

    /**
     * A 0.38 kg quadrotor show drone with 5-inch propellers and a 27 Wh (3S, 2450 mAh) battery:
     * about 42 W to hover, 24 minutes to a 20 % reserve.
     */
    public static final DroneProfile DEFAULT = new DroneProfile(0.38, 4, 0.127, 0.6, 0.85, 0.012, 2.0, 3.0,
            27.0, 0.8, 0.2, 1.225, 0.05);

    public DroneProfile {
        Wind.require(mass > 0 && Double.isFinite(mass), "drone mass must be > 0 kg, was " + mass);
        Wind.require(rotors > 0, "rotor count must be >= 1, was " + rotors);
        Wind.require(rotorDiameter > 0 && Double.isFinite(rotorDiameter), "rotor diameter must be > 0 m, was " + rotorDiameter);
        Wind.require(figureOfMerit > 0 && figureOfMerit <= 1, "figure of merit must be in (0, 1], was " + figureOfMerit);
        Wind.require(efficiency > 0 && efficiency <= 1, "electrical efficiency must be in (0, 1], was " + efficiency);
        Wind.require(dragArea >= 0 && Double.isFinite(dragArea), "drag area must be >= 0 m², was " + dragArea);
        Wind.require(avionicsPower >= 0 && Double.isFinite(avionicsPower), "avionics power must be >= 0 W, was " + avionicsPower);
        Wind.require(ledPower >= 0 && Double.isFinite(ledPower), "LED power must be >= 0 W, was " + ledPower);
        Wind.require(batteryWh > 0 && Double.isFinite(batteryWh), "battery energy must be > 0 Wh, was " + batteryWh);
        Wind.require(usableFraction > 0 && usableFraction <= 1, "usable fraction must be in (0, 1], was " + usableFraction);
        Wind.require(reserveFraction >= 0 && reserveFraction < 1, "reserve fraction must be in [0, 1), was " + reserveFraction);
        Wind.require(airDensity > 0 && Double.isFinite(airDensity), "air density must be > 0 kg/m³, was " + airDensity);
        Wind.require(Double.isFinite(airborneAbove), "airborne altitude must be finite, was " + airborneAbove);
    }

    /** Total rotor disk area A, m². */
    public double diskArea() {
        return rotors * Math.PI * rotorDiameter * rotorDiameter / 4;
    }

    /** Shaft power to hover in still air, P_ih (momentum theory with figure of merit), W. */
    public double hoverShaftPower() {
        double w = mass * G;
        return Math.pow(w, 1.5) / (figureOfMerit * Math.sqrt(2 * airDensity * diskArea()));
    }

    /** Electrical power to hover in still air with the lights off, W: P_ih/η + P_avionics. */
    public double hoverPower() {
        return hoverShaftPower() / efficiency + avionicsPower;
    }

    /** Usable energy, Wh: batteryWh × usableFraction. */
    public double usableWh() {
        return batteryWh * usableFraction;
    }

    /** Energy that must remain at landing, Wh: usableWh × reserveFraction. */
    public double reserveWh() {
        return usableWh() * reserveFraction;
    }
}
