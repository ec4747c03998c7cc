package cn.gov.zhuzhou.duban.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;

/** One person's time in one post: the history that shows who held a membership before. */
@Entity
public class PositionTenure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "position_id")
    private Position position;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;
    private LocalDate startedOn;
    private LocalDate endedOn;
    private String note;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_by_name", updatable = false)
    private String createdByName;

    protected PositionTenure() {
    }

    PositionTenure(Position position, Person person, LocalDate startedOn, String note, Instant at, String by, String byName) {
        this.position = position;
        this.person = person;
        this.startedOn = startedOn;
        this.note = note;
        this.createdAt = at;
        this.createdBy = by;
        this.createdByName = byName;
    }

    void end(LocalDate on) {
        this.endedOn = on;
    }

    public Long getId() {
        return id;
    }

    public Position getPosition() {
        return position;
    }

    public Person getPerson() {
        return person;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
