package discordtest

// StringOption is a filled-in string option.
func StringOption(name, value string) Option {
	return Option{Name: name, Type: OptionString, Value: value}
}

// IntegerOption is a filled-in integer option.
func IntegerOption(name string, value int64) Option {
	return Option{Name: name, Type: OptionInteger, Value: value}
}

// BooleanOption is a filled-in boolean option.
func BooleanOption(name string, value bool) Option {
	return Option{Name: name, Type: OptionBoolean, Value: value}
}

// UserOption is a filled-in user option; SlashCommand resolves the user.
func UserOption(name, userID string) Option {
	return Option{Name: name, Type: OptionUser, Value: userID}
}

// ChannelOption is a filled-in channel option; SlashCommand resolves the
// channel.
func ChannelOption(name, channelID string) Option {
	return Option{Name: name, Type: OptionChannel, Value: channelID}
}

// RoleOption is a filled-in role option; SlashCommand resolves the role.
func RoleOption(name, roleID string) Option {
	return Option{Name: name, Type: OptionRole, Value: roleID}
}

// Subcommand is a chosen subcommand with its options.
func Subcommand(name string, options ...Option) Option {
	return Option{Name: name, Type: OptionSubcommand, Options: options}
}

// SubcommandGroup is a chosen subcommand group holding one subcommand.
func SubcommandGroup(name string, subcommand Option) Option {
	return Option{Name: name, Type: OptionSubcommandGroup, Options: []Option{subcommand}}
}

func (s *Server) resolveLocked(res *Resolved, guildID, userID string, opts []Option) {
	gs := s.guilds[guildID]
	for _, o := range opts {
		id, _ := o.Value.(string)
		switch o.Type {
		case OptionSubcommand, OptionSubcommandGroup:
			s.resolveLocked(res, guildID, userID, o.Options)
		case OptionChannel:
			ch := Channel{ID: id}
			if c := s.channels[id]; c != nil {
				ch = Channel{ID: id, Type: c.ch.Type, Name: c.ch.Name, GuildID: c.ch.GuildID,
					Permissions: Perms(s.permissionsLocked(gs, userID, &c.ch))}
			}
			setKey(&res.Channels, id, ch)
		case OptionUser, OptionMentionable:
			u, ok := s.users[id]
			if !ok {
				u = User{ID: id, Username: "user" + id, Discriminator: "0"}
			}
			setKey(&res.Users, id, u)
			if gs != nil {
				if m, ok := gs.members[id]; ok {
					m.User = nil
					m.Permissions = Perms(s.permissionsLocked(gs, id, nil))
					setKey(&res.Members, id, m)
				}
			}
		case OptionRole:
			if gs != nil {
				for _, r := range gs.guild.Roles {
					if r.ID == id {
						setKey(&res.Roles, id, r)
					}
				}
			}
		}
	}
}

func setKey[V any](m *map[string]V, k string, v V) {
	if *m == nil {
		*m = map[string]V{}
	}
	(*m)[k] = v
}
