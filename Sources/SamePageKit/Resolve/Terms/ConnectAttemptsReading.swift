extension ConnectAttempts {
  static func read(_ reader: MappingReader) -> ConnectAttempts {
    ConnectAttempts(
      header: .read(reader),
      channels: reader.items("channels", required: true) { channel in
        guard let id: Located<Slug> = channel.required("id") else { return nil }
        return Channel(id: id, label: channel.required("label"))
      },
      dispositions: reader.items("dispositions", required: true) { disposition in
        guard let id: Located<Slug> = disposition.required("id") else { return nil }
        return Disposition(
          id: id, label: disposition.required("label"), connected: disposition.required("connected"),
          location: disposition.location)
      },
      ownerOnly: reader.flag("owner_only"),
      sequence: reader.nested("sequence", required: true) { sequence in
        Sequence(
          window: sequence.required("window"),
          requiredAttempts: sequence.required("required_attempts"),
          steps: sequence.items("steps", required: true) { step in
            let day: Located<Int>? = step.required("day")
            let channel: Located<Slug>? = step.required("channel")
            let note: Located<String>? = step.optional("note")
            guard let day, let channel else { return nil }
            return Step(day: day, channel: channel, note: note)
          },
          location: sequence.location)
      },
      exhaustedStatus: reader.required("exhausted_status"))
  }
}
