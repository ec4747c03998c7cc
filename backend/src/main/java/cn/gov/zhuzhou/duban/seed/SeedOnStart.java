package cn.gov.zhuzhou.duban.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import cn.gov.zhuzhou.duban.common.config.DubanConfig;

/**
 * Loads the real plan at start when the database has none (duban.seed.enabled), before the scheduler starts (Quartz
 * starts at priority 0), so that no job ever runs against a half-loaded plan.
 */
@ApplicationScoped
class SeedOnStart {

    void onStart(@Observes @jakarta.annotation.Priority(-100) StartupEvent event, PlanImporter importer, DubanConfig config) {
        if (config.seed().enabled()) {
            importer.importIfEmpty();
        }
    }
}
