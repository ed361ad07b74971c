package dev.provingground.vda5050;

import java.util.List;

/** Factsheet: class and capabilities of the robot type (maxLoadMass in kg). */
public record TypeSpecification(String seriesName, String seriesDescription, AgvKinematic agvKinematic,
                                AgvClass agvClass, double maxLoadMass, List<LocalizationType> localizationTypes,
                                List<NavigationType> navigationTypes) {

    public TypeSpecification {
        localizationTypes = Lists.copy("TypeSpecification.localizationTypes", localizationTypes);
        navigationTypes = Lists.copy("TypeSpecification.navigationTypes", navigationTypes);
    }
}
