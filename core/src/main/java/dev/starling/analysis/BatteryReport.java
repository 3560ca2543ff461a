package dev.starling.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Energy use of every drone over its flight and what is left at landing
 * ({@link BatteryAnalysis#analyze}). Energies in watt-hours, powers in watts, times in seconds.
 *
 * @param profile              the drone and battery assumed
 * @param meanWindSpeed        steady wind the drones fly in, m/s
 * @param hoverPowerW          electrical power to hover in still air with the lights off
 * @param usableWh             usable energy per battery
 * @param reserveWh            energy that must remain at landing
 * @param hoverEnduranceS      longest show the fleet can fly, hover-equivalent: (usable − reserve) / hover power
 * @param planEnduranceS       the same at the highest mean power of any drone in this plan
 * @param drones               fleet size
 * @param energyMeanWh         mean energy used per drone
 * @param energyMaxWh          largest energy used by one drone
 * @param worst                the drone with the least energy left at landing
 * @param belowReserveCount    drones that land with less than the reserve
 * @param belowReserve         those drones (the first {@value BatteryAnalysis#LIST_LIMIT} by margin)
 * @param lowest               the {@value BatteryAnalysis#LOWEST} drones with the least energy left
 * @param runtimeMs            wall-clock time of the analysis, ms
 */
public record BatteryReport(DroneProfile profile, double meanWindSpeed, double hoverPowerW, double usableWh,
                            double reserveWh, double hoverEnduranceS, double planEnduranceS, int drones,
                            double energyMeanWh, double energyMaxWh, DroneEnergy worst, int belowReserveCount,
                            List<DroneEnergy> belowReserve, List<DroneEnergy> lowest, double runtimeMs) {
    public BatteryReport {
        belowReserve = List.copyOf(belowReserve);
        lowest = List.copyOf(lowest);
    }

    /**
     * One drone's energy budget.
     *
     * @param drone             index in the plan
     * @param name              display name ({@code drone-00001})
     * @param energyWh          energy used while airborne
     * @param remainingWh       usable energy left at landing
     * @param remainingFraction remainingWh / usableWh
     * @param airborneS         time above the airborne altitude
     * @param meanPowerW        energy / airborne time (0 when never airborne)
     * @param belowReserve      remainingWh &lt; reserveWh
     */
    public record DroneEnergy(int drone, String name, double energyWh, double remainingWh, double remainingFraction,
                              double airborneS, double meanPowerW, boolean belowReserve) {
    }

    /** True when no drone lands below the reserve. */
    public boolean ok() {
        return belowReserveCount == 0;
    }

    /** A human summary, a few lines. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Battery: %.2f kg drone, %.1f Wh battery (%.1f Wh usable, %.1f Wh reserve), "
                        + "hover %.1f W, wind %.1f m/s%n", profile.mass(), profile.batteryWh(), usableWh, reserveWh,
                hoverPowerW, meanWindSpeed));
        sb.append(String.format(Locale.ROOT, "  longest show to the reserve: %.1f min hovering, %.1f min at this plan's "
                + "highest mean power%n", hoverEnduranceS / 60, planEnduranceS / 60));
        sb.append(String.format(Locale.ROOT, "  energy per drone: mean %.2f Wh, max %.2f Wh%n", energyMeanWh, energyMaxWh));
        if (worst != null) {
            sb.append(String.format(Locale.ROOT, "  least left at landing: %s with %.2f Wh (%.0f %% of usable), %.0f s airborne, %.1f W mean%n",
                    worst.name(), worst.remainingWh(), 100 * worst.remainingFraction(), worst.airborneS(),
                    worst.meanPowerW()));
        }
        if (belowReserveCount == 0) {
            sb.append("  PASS: every drone lands with at least the reserve\n");
        } else {
            sb.append(String.format(Locale.ROOT, "  FAIL: %d drone(s) land below the %.0f %% reserve:", belowReserveCount,
                    100 * profile.reserveFraction()));
            int shown = Math.min(10, belowReserve.size());
            for (int i = 0; i < shown; i++) {
                sb.append(' ').append(belowReserve.get(i).name());
            }
            if (belowReserveCount > shown) {
                sb.append(" …");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
