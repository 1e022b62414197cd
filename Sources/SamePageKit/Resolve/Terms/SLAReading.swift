extension ServiceLevelAgreement {
  static func read(_ reader: MappingReader) -> ServiceLevelAgreement {
    ServiceLevelAgreement(
      header: .read(reader),
      purpose: reader.optional("purpose"),
      parties: reader.items("parties", required: true) { party in
        party.required("party", as: Party.self).map { id in
          SLAParty(
            party: id, team: party.optional("team"), signatory: party.person("signatory"),
            location: party.location)
        }
      },
      commitments: reader.items("commitments", required: true) { commitment in
        guard let id: Located<Slug> = commitment.required("id"),
          let kind: Located<Commitment.Kind> = commitment.required("kind")
        else { return nil }
        return Commitment(
          id: id,
          party: commitment.optional("party"),
          kind: kind,
          description: commitment.optional("description"),
          quantity: commitment.optional("quantity"),
          unit: commitment.optional("unit"),
          per: commitment.optional("per"),
          priority: commitment.optional("priority"),
          within: commitment.optional("within"),
          ifMissed: commitment.optional("if_missed"),
          location: commitment.location)
      },
      handoff: reader.nested("handoff", required: true) { handoff in
        Handoff(
          channel: handoff.required("channel"),
          acceptedStatus: handoff.optional("accepted_status"),
          rejectedStatus: handoff.optional("rejected_status"),
          escalationOwner: handoff.optional("escalation_owner"),
          escalateAfter: handoff.optional("escalate_after"),
          escalation: handoff.items("escalation") { tier in
            let after: Located<Deadline>? = tier.required("after")
            let to: Located<String>? = tier.required("to")
            let backup: Located<String>? = tier.optional("backup")
            guard let after, let to else { return nil }
            return EscalationTier(after: after, to: to, backup: backup, location: tier.location)
          },
          rejectionReview: handoff.nested("rejection_review") { review in
            let owner: Located<Party>? = review.optional("owner")
            return review.required("within").map {
              RejectionReview(owner: owner, within: $0, location: review.location)
            }
          },
          turnaround: handoff.items("turnaround") { item in
            let task: Located<String>? = item.required("task")
            let within: Located<Deadline>? = item.required("within")
            let owner: Located<Party>? = item.optional("owner")
            let feeds: Located<Slug>? = item.optional("feeds")
            guard let task, let within else { return nil }
            return Turnaround(task: task, owner: owner, within: within, feeds: feeds)
          },
          location: handoff.location)
      },
      calendar: reader.nested("calendar", required: true) { calendar in
        let hours = calendar.nested("hours", required: true) { hours in
          (hours.required("start", as: TimeOfDay.self), hours.required("end", as: TimeOfDay.self))
        }
        return BusinessCalendar(
          timeZone: calendar.required("time_zone"),
          workingDays: calendar.values("working_days", required: true),
          start: hours?.0,
          end: hours?.1,
          holidays: calendar.items("holidays") { holiday in
            let date: Located<CalendarDate>? = holiday.required("date")
            let name: Located<String>? = holiday.optional("name")
            return date.map { Holiday(date: $0, name: name) }
          },
          location: calendar.location)
      },
      review: reader.nested("review", required: true) { review in
        Review(
          cadence: review.required("cadence"), nextReview: review.optional("next_review"),
          amendmentNotice: review.optional("amendment_notice"), location: review.location)
      },
      reporting: reader.nested("reporting") { reporting in
        let preparedBy: Located<String>? = reporting.optional("prepared_by")
        let cadence: Located<Reporting.Cadence>? = reporting.optional("cadence")
        let reviewedIn: Located<String>? = reporting.optional("reviewed_in")
        let figures: [Located<Reporting.Figure>] = reporting.values("figures")
        return reporting.required("system_of_record").map {
          Reporting(
            systemOfRecord: $0, preparedBy: preparedBy, cadence: cadence, reviewedIn: reviewedIn,
            figures: figures, location: reporting.location)
        }
      },
      contacts: reader.list("contacts") { node in Person.read(node, what: "contacts", in: reader.context) },
      changes: reader.items("changes") { change in
        let version: Located<String>? = change.required("version")
        let date: Located<CalendarDate>? = change.required("date")
        let summary: Located<String>? = change.required("summary")
        guard let version, let date, let summary else { return nil }
        return Change(version: version, date: date, summary: summary)
      })
  }
}
