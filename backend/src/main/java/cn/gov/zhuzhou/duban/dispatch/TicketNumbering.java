package cn.gov.zhuzhou.duban.dispatch;

import cn.gov.zhuzhou.duban.common.config.DubanConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Gives the next ticket number of a year without gaps or duplicates, even when two tickets are issued at once: the
 * counter row is incremented in the issuing transaction, whose row lock makes a concurrent issue wait, and whose
 * rollback gives the number back.
 */
@ApplicationScoped
public class TicketNumbering {

    private final DubanConfig config;

    TicketNumbering(DubanConfig config) {
        this.config = config;
    }

    /** Must run inside the transaction that persists the ticket. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int nextSeq(int year) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("insert into ticket_sequence (ticket_year, `last_value`) values (?1, 1) "
                + "on duplicate key update `last_value` = `last_value` + 1").setParameter(1, year).executeUpdate();
        return ((Number) em.createNativeQuery("select `last_value` from ticket_sequence where ticket_year = ?1")
                .setParameter(1, year).getSingleResult()).intValue();
    }

    public String format(int year, int seq) {
        return config.ticket().numberPattern().replace("{year}", Integer.toString(year)).replace("{seq}", Integer.toString(seq));
    }
}
