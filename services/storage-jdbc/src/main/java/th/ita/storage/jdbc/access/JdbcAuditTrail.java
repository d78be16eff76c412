package th.ita.storage.jdbc.access;

import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import java.util.List;
import th.ita.core.audit.AuditEntry;
import th.ita.core.audit.AuditTrail;
import th.ita.core.message.Message;
import th.ita.core.message.MessageCodec;
import th.ita.core.tenant.TenantId;

/** The audit log through Micronaut Data JDBC; texts are cut to their columns' widths. */
@Singleton
class JdbcAuditTrail implements AuditTrail {
    private final AccessRepositories.AuditEventRepository events;

    JdbcAuditTrail(AccessRepositories.AuditEventRepository events) {
        this.events = events;
    }

    @Override
    public void append(AuditEntry entry) {
        events.save(new AuditEventEntity(null, entry.tenant().value(), entry.at(), truncate(entry.actor(), 100), truncate(entry.action(), 40),
                truncate(entry.target(), 300), truncate(entry.detail(), 2000),
                entry.targetMessage() == null ? null : entry.targetMessage().key(), parameters(entry.targetMessage()),
                entry.detailMessage() == null ? null : entry.detailMessage().key(), parameters(entry.detailMessage())));
    }

    @Override
    public List<AuditEntry> recent(TenantId tenant, int limit) {
        return events.findByTenantIdOrderByIdDesc(tenant.value(), Pageable.from(0, limit)).stream()
                .map(e -> new AuditEntry(e.id(), TenantId.of(e.tenantId()), e.at(), e.actor(), e.action(), e.target(), e.detail(),
                        message(e.targetKey(), e.targetParameters()), message(e.detailKey(), e.detailParameters()))).toList();
    }

    /** Parameters too long for their column (a long file name, say) keep the English text alone. */
    private static String parameters(Message message) {
        if (message == null) {
            return null;
        }
        String encoded = MessageCodec.encodeParameters(message.parameters());
        return encoded.length() <= 4000 ? encoded : null;
    }

    private static Message message(String key, String parameters) {
        return key == null || parameters == null ? null : MessageCodec.decode(key, parameters);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
