package cn.gov.zhuzhou.duban.seed;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads the real plan at start when the database has none (duban.seed.enabled), before the scheduler starts (Quartz
 * starts at priority 0), so that no job ever runs against a half-loaded plan.
 */
@ApplicationScoped
class SeedOnStart {

    void onStart(@Observes @Priority(-100) StartupEvent event, PlanImporter importer, DubanConfig config) {
        if (config.seed().enabled()) {
            importer.importIfEmpty();
        }
    }
}
