/** What the team host (src-main/team/) uses of this module: the slot it attaches itself to. */
export { attachHosting, attachTeam, detachTeam, hostingOf, teamOf, type HostingControl, type TeamService, type WorkstationOut } from './service';
