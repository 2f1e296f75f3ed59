/** What the team host (src-main/team/) uses of this module: the slot it attaches itself to. */
export { attachTeam, detachTeam, teamOf, type TeamService, type WorkstationOut } from './service';
