package th.ita.app.access;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.tenant.TenantId;

/**
 * Tells {@link TenantTables} of every publish, wherever it comes from (the upload endpoint, the web UI,
 * the command line, the demo at start-up), so a tenant's table and its snapshot are rebuilt right after
 * its batch is published rather than when the next reader (or the next start) asks for them. The catalog
 * bean is wrapped in a proxy that forwards every method of the port, so the port can grow without this
 * class; only a publish that returned is told.
 */
@Singleton
class TablesFollowPublishing implements BeanCreatedEventListener<BatchCatalog> {
    private final BeanProvider<TenantTables> tables;

    TablesFollowPublishing(BeanProvider<TenantTables> tables) {
        this.tables = tables;
    }

    @Override
    public BatchCatalog onCreated(BeanCreatedEvent<BatchCatalog> event) {
        BatchCatalog catalog = event.getBean();
        return (BatchCatalog) Proxy.newProxyInstance(BatchCatalog.class.getClassLoader(), new Class<?>[] {BatchCatalog.class}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(catalog, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("publish") && args != null && args.length > 0 && args[0] instanceof TenantId tenant) {
                tables.get().published(tenant);
            }
            return result;
        });
    }
}
