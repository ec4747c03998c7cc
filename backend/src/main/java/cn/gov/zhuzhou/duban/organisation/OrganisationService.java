package cn.gov.zhuzhou.duban.organisation;

import cn.gov.zhuzhou.duban.common.audit.CurrentActor;
import cn.gov.zhuzhou.duban.common.error.ConflictException;
import cn.gov.zhuzhou.duban.common.error.InvalidRequestException;
import cn.gov.zhuzhou.duban.common.error.NotFoundException;
import cn.gov.zhuzhou.duban.common.error.StaleVersionException;
import cn.gov.zhuzhou.duban.common.paging.Page;
import cn.gov.zhuzhou.duban.common.paging.PageQuery;
import cn.gov.zhuzhou.duban.common.persistence.ReadOnlyTransaction;
import cn.gov.zhuzhou.duban.plan.TaskService;
import cn.gov.zhuzhou.duban.unit.Unit;
import cn.gov.zhuzhou.duban.unit.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** People, posts and the groups of annex 1; memberships follow the post when its holder changes. */
@ApplicationScoped
public class OrganisationService {

    private final PersonRepository people;
    private final PositionRepository positions;
    private final GroupRepository groups;
    private final UnitService units;
    private final TaskService tasks;
    private final CurrentActor actor;
    private final Clock clock;

    OrganisationService(PersonRepository people, PositionRepository positions, GroupRepository groups, UnitService units,
            TaskService tasks, CurrentActor actor, Clock clock) {
        this.people = people;
        this.positions = positions;
        this.groups = groups;
        this.units = units;
        this.tasks = tasks;
        this.actor = actor;
        this.clock = clock;
    }

    // ---- people -----------------------------------------------------------------------------------------

    @ReadOnlyTransaction
    public Page<PersonView> searchPeople(String text, PageQuery page) {
        List<PersonView> items = people.search(text, page.page - 1, page.size).stream().map(PersonView::of).toList();
        return Page.of(items, page, people.countMatching(text));
    }

    @Transactional
    public PersonView registerPerson(PersonCreateRequest request) {
        return PersonView.of(newPerson(request.name()));
    }

    private Person newPerson(String name) {
        Person person = new Person(String.format("P%04d", people.nextNumber()), name.strip());
        while (people.find("code", person.getCode()).firstResultOptional().isPresent()) {
            person = new Person(person.getCode() + "X", name.strip());
        }
        people.persist(person);
        return person;
    }

    // ---- positions --------------------------------------------------------------------------------------

    @ReadOnlyTransaction
    public Page<PositionView> searchPositions(Long unitId, String text, PageQuery page) {
        List<Position> found = positions.search(unitId, text, page.offset(), page.size);
        Map<Long, List<PositionTenure>> tenures = tenuresByPosition(found.stream().map(Position::getId).toList());
        List<PositionView> items = found.stream().map(p -> PositionView.of(p, tenures.getOrDefault(p.getId(), List.of()))).toList();
        return Page.of(items, page, positions.countMatching(unitId, text));
    }

    @ReadOnlyTransaction
    public PositionView getPosition(long id) {
        Position position = requirePosition(id);
        return PositionView.of(position, positions.tenuresOf(List.of(id)));
    }

    /** Posts by id with their holders, for other features' views; one statement for posts, one for tenures. */
    @Transactional
    public Map<Long, PositionView> positionsByIds(java.util.Collection<Long> ids) {
        List<Position> found = positions.findAllFull(ids);
        Map<Long, List<PositionTenure>> tenures = tenuresByPosition(found.stream().map(Position::getId).toList());
        return found.stream().collect(Collectors.toMap(Position::getId, p -> PositionView.of(p, tenures.getOrDefault(p.getId(), List.of()))));
    }

    @Transactional
    public PositionView createPosition(PositionCreateRequest request) {
        Unit unit = request.unitId() == null ? null : units.requireUnits(List.of(request.unitId()), "unitId").get(0);
        Position position = new Position(String.format("POS%04d", positions.nextNumber()), request.title().strip(), unit);
        while (positions.findByCode(position.getCode()).isPresent()) {
            position = new Position(position.getCode() + "X", request.title().strip(), unit);
        }
        positions.persist(position);
        if (request.holderId() != null) {
            Person holder = requirePerson(request.holderId(), "holderId");
            appoint(position, holder, request.holderSince(), null);
        }
        return getPosition(position.getId());
    }

    @Transactional
    public PositionView updatePosition(long id, PositionUpdateRequest request) {
        Position position = requirePosition(id);
        StaleVersionException.requireCurrent("职务", id, request.version(), position.getVersion());
        Unit unit = request.unitId() == null ? null : units.requireUnits(List.of(request.unitId()), "unitId").get(0);
        position.describe(request.title().strip(), unit);
        positions.flush();
        return getPosition(id);
    }

    /**
     * Hands a post to its successor. Annex 1: "领导小组成员因工作变动，由对应任职人员自然递补" — the successor inherits
     * every membership of the post at once, since memberships are held by the post; the predecessor's tenure is
     * closed the day before and stays readable as history.
     */
    @Transactional
    public PositionView handOverPosition(long id, PositionHandoverRequest request) {
        Position position = requirePosition(id);
        StaleVersionException.requireCurrent("职务", id, request.version(), position.getVersion());
        boolean byId = request.successorId() != null;
        boolean byName = request.successorName() != null && !request.successorName().isBlank();
        if (byId == byName) {
            throw new InvalidRequestException("successorId", "须且只能指定 successorId 或 successorName 之一");
        }
        Person successor = byId ? requirePerson(request.successorId(), "successorId") : newPerson(request.successorName());
        if (position.getHolder() != null && position.getHolder().getId().equals(successor.getId())) {
            throw new ConflictException(successor.getName() + " 已担任该职务");
        }
        if (position.getHolderSince() != null && request.effectiveOn().isBefore(position.getHolderSince().plusDays(1))) {
            throw new InvalidRequestException("effectiveOn", "接任日期须晚于现任者任职日期 " + position.getHolderSince());
        }
        appoint(position, successor, request.effectiveOn(), request.note());
        positions.flush();
        return getPosition(id);
    }

    /** Seats {@code person} in {@code position} from {@code since}, closing the current tenure the day before. */
    @Transactional
    public void appoint(Position position, Person person, LocalDate since, String note) {
        positions.openTenure(position.getId()).ifPresent(open -> open.end(since == null ? LocalDate.now(clock) : since.minusDays(1)));
        position.seat(person, since);
        positions.getEntityManager().persist(new PositionTenure(position, person, since, note, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), actor.name(), actor.displayName()));
    }

    // ---- groups -----------------------------------------------------------------------------------------

    /** The post of the leading group office's director (办公室主任), who chairs the office's regular sessions. */
    @Transactional
    public Optional<Long> officeDirectorPost() {
        return groups.firstPostIn(GroupKind.OFFICE, MembershipRole.OFFICE_DIRECTOR);
    }

    @ReadOnlyTransaction
    public Page<GroupView> searchGroups(GroupKind kind, PageQuery page) {
        List<GroupView> items = groups.search(kind, page.offset(), page.size).stream().map(g -> GroupView.of(g, null)).toList();
        return Page.of(items, page, groups.countMatching(kind));
    }

    @ReadOnlyTransaction
    public GroupView getGroup(long id) {
        Group group = requireGroup(id);
        List<Membership> roster = groups.rosterOf(id);
        Map<Long, List<PositionTenure>> tenures = tenuresByPosition(roster.stream().map(m -> m.getPosition().getId()).distinct().toList());
        List<MembershipView> members = roster.stream()
                .map(m -> MembershipView.of(m, tenures.getOrDefault(m.getPosition().getId(), List.of()))).toList();
        return GroupView.of(group, members);
    }

    @Transactional
    public GroupView createGroup(GroupCreateRequest request) {
        if (groups.findByCode(request.code()).isPresent()) {
            throw new ConflictException("工作组代码 " + request.code() + " 已存在");
        }
        Group group = new Group(request.code(), request.kind());
        describe(group, request.name(), request.parentId(), request.hostUnitId(), request.taskId(), request.duties());
        groups.persist(group);
        return getGroup(group.getId());
    }

    @Transactional
    public GroupView updateGroup(long id, GroupUpdateRequest request) {
        Group group = requireGroup(id);
        StaleVersionException.requireCurrent("工作组", id, request.version(), group.getVersion());
        if (request.parentId() != null && request.parentId() == id) {
            throw new InvalidRequestException("parentId", "工作组不能隶属于自身");
        }
        describe(group, request.name(), request.parentId(), request.hostUnitId(), request.taskId(), request.duties());
        groups.flush();
        return getGroup(id);
    }

    @Transactional
    public GroupView addMember(long groupId, MembershipCreateRequest request) {
        Group group = requireGroup(groupId);
        Position position = positions.findByIdOptional(request.positionId())
                .orElseThrow(() -> new InvalidRequestException("positionId", "职务 " + request.positionId() + " 不存在"));
        if (groups.hasMembership(groupId, position.getId(), request.role())) {
            throw new ConflictException("该职务已以此身份在组内");
        }
        groups.persistMembership(new Membership(group, position, request.role(), groups.nextSortOrder(groupId)));
        return getGroup(groupId);
    }

    @Transactional
    public void removeMember(long groupId, long membershipId) {
        requireGroup(groupId);
        Membership membership = groups.findMembership(groupId, membershipId)
                .orElseThrow(() -> new NotFoundException("成员", membershipId));
        groups.removeMembership(membership);
    }

    private void describe(Group group, String name, Long parentId, Long hostUnitId, Long taskId, String duties) {
        Group parent = parentId == null ? null : groups.findByIdOptional(parentId)
                .orElseThrow(() -> new InvalidRequestException("parentId", "工作组 " + parentId + " 不存在"));
        Unit host = hostUnitId == null ? null : units.requireUnits(List.of(hostUnitId), "hostUnitId").get(0);
        if (taskId != null && !tasks.exists(taskId)) {
            throw new InvalidRequestException("taskId", "任务 " + taskId + " 不存在");
        }
        group.describe(name.strip(), parent, host, taskId, duties == null || duties.isBlank() ? null : duties.strip());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Map<Long, List<PositionTenure>> tenuresByPosition(List<Long> positionIds) {
        return positions.tenuresOf(positionIds).stream().collect(Collectors.groupingBy(t -> t.getPosition().getId()));
    }

    private Position requirePosition(long id) {
        return positions.findFull(id).orElseThrow(() -> new NotFoundException("职务", id));
    }

    private Group requireGroup(long id) {
        return groups.findFull(id).orElseThrow(() -> new NotFoundException("工作组", id));
    }

    private Person requirePerson(long id, String field) {
        return people.findByIdOptional(id).orElseThrow(() -> new InvalidRequestException(field, "人员 " + id + " 不存在"));
    }
}
